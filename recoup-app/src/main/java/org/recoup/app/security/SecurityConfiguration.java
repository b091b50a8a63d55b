package org.recoup.app.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Two filter chains: the API (and actuator) is stateless HTTP Basic without cookies, so CSRF does not apply; the web
 * UI uses form login with a session, CSRF tokens and session-fixation protection (the session id changes at sign-in);
 * a session ends as soon as its user is disabled or changes role ({@link SessionRevalidation}).
 * Both check passwords behind the same {@link LoginThrottle}. An API credential, once verified, is remembered for a
 * minute ({@link VerifiedCredentials}) so that bcrypt runs once per client and minute, not per call.
 * <p>
 * Who may call what is decided here by role and path; which case, account or party a caller may see is decided by
 * {@link CaseScope} (see {@link ScopeInterceptor}). docs/security.md explains how to add an endpoint: add its line
 * here when it is not open to every signed-in user, and its entry in the authorization matrix test.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final Duration API_CREDENTIAL_TTL = Duration.ofMinutes(1);
    private static final String ADMIN = Role.ADMIN.name();
    private static final String SUPERVISOR = Role.SUPERVISOR.name();
    private static final String TEAM_LEAD = Role.TEAM_LEAD.name();
    private static final String AGENT = Role.AGENT.name();
    private static final String COMPLIANCE = Role.COMPLIANCE.name();
    private static final String AGENCY = Role.AGENCY.name();
    private static final String[] WRITERS = {ADMIN, SUPERVISOR};
    /** Everybody but external agency users: the lender's own staff. */
    private static final String[] STAFF = {ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, COMPLIANCE};
    /** Roles that work accounts: record payments and promises. */
    private static final String[] COLLECTORS = {ADMIN, SUPERVISOR, TEAM_LEAD, AGENT};
    /** Roles that see the whole book (portfolio-wide exports). */
    private static final String[] WHOLE_BOOK = {ADMIN, SUPERVISOR, COMPLIANCE};

    @Bean
    LoginThrottle loginThrottle(Clock clock,
                                @Value("${recoup.security.login-throttle.max-failures-per-user:5}") int perUser,
                                @Value("${recoup.security.login-throttle.max-failures-per-address:20}") int perAddress,
                                @Value("${recoup.security.login-throttle.window:15m}") Duration window) {
        return new LoginThrottle(clock, perUser, perAddress, window);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, UserAccounts users, PasswordEncoder passwordEncoder, Clock clock,
                                 LoginThrottle throttle) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        http.securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(new ProviderManager(new ThrottledAuthentication(
                        new VerifiedCredentials(passwords, clock, API_CREDENTIAL_TTL), throttle)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/users", "/api/v1/users/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/imports", "/api/v1/imports/**").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/runs", "/api/v1/runs/**").hasAnyRole(WRITERS)
                        .requestMatchers("/api/v1/runs", "/api/v1/runs/**").hasAnyRole(WHOLE_BOOK)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/config/compliance-profiles")
                        .hasAnyRole(ADMIN, COMPLIANCE)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/config/**").hasAnyRole(WRITERS)
                        .requestMatchers("/api/v1/config/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/strategies/validate").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/strategies/**", "/api/v1/experiments", "/api/v1/experiments/**")
                        .hasAnyRole(WRITERS)
                        .requestMatchers("/api/v1/strategies", "/api/v1/strategies/**", "/api/v1/experiments",
                                "/api/v1/experiments/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/contacts", "/api/v1/contacts/**")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY)
                        .requestMatchers(HttpMethod.POST, "/api/v1/parties/*/holds")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, COMPLIANCE)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/parties/*/contact-window")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, COMPLIANCE)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/parties/*/holds/*")
                        .hasAnyRole(ADMIN, SUPERVISOR, COMPLIANCE)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/templates/**").hasAnyRole(ADMIN, SUPERVISOR, COMPLIANCE)
                        .requestMatchers("/api/v1/templates", "/api/v1/templates/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/api/v1/compliance/report")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, COMPLIANCE)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/outcomes", "/api/v1/cases/*/payment-claims")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY)
                        .requestMatchers(HttpMethod.POST, "/api/v1/payment-claims/**").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/outbox/dispatch").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/release", "/api/v1/cases/*/lock")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/cases/*/assignment").hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD)
                        .requestMatchers(HttpMethod.GET, "/api/v1/queue/depth").hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/messages", "/api/v1/cases/*/messages/preview")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/outbox/*/receipt")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT)
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments", "/api/v1/payments/**").hasAnyRole(COLLECTORS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/promises", "/api/v1/accounts/*/promises/**")
                        .hasAnyRole(COLLECTORS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/documents")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY)
                        // --- plans ---
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/plans", "/api/v1/plans/*/approve",
                                "/api/v1/plans/*/reject").hasAnyRole(COLLECTORS)
                        .requestMatchers("/api/v1/cases/*/plans", "/api/v1/plans", "/api/v1/plans/**").hasAnyRole(STAFF)
                        // --- legal ---
                        .requestMatchers(HttpMethod.POST, "/api/v1/visits/*/decision", "/api/v1/legal/matters/*/decision",
                                "/api/v1/legal/matters/*/steps").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/legal/matters/*/receipt",
                                "/api/v1/legal/matters/*/deadline").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/visits", "/api/v1/visits/*/report")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/legal-matters").hasAnyRole(COLLECTORS)
                        .requestMatchers("/api/v1/legal", "/api/v1/legal/**").hasAnyRole(STAFF)
                        // --- agency ---
                        .requestMatchers(HttpMethod.GET, "/api/v1/agencies/*/statement")
                        .hasAnyRole(ADMIN, SUPERVISOR, AGENCY)
                        .requestMatchers(HttpMethod.GET, "/api/v1/agencies", "/api/v1/agencies/**", "/api/v1/agency-scorecard",
                                "/api/v1/placements", "/api/v1/placements/**", "/api/v1/write-offs", "/api/v1/write-offs/**",
                                "/api/v1/debt-sales", "/api/v1/debt-sales/**", "/api/v1/bureau/**").hasAnyRole(WHOLE_BOOK)
                        .requestMatchers("/api/v1/agencies", "/api/v1/agencies/**", "/api/v1/placements",
                                "/api/v1/placements/**", "/api/v1/write-offs", "/api/v1/write-offs/**", "/api/v1/debt-sales",
                                "/api/v1/debt-sales/**").hasAnyRole(WRITERS)
                        // --- receivables ---
                        .requestMatchers(HttpMethod.PUT, "/api/v1/receivables/customers/*/terms").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/receivables/reviews").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/receivables/customers/*/statements").hasAnyRole(COLLECTORS)
                        .requestMatchers("/api/v1/receivables", "/api/v1/receivables/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/api/v1/property/billing-imports").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/property/notices", "/api/v1/property/notices/*/receipt")
                        .hasAnyRole(COLLECTORS)
                        .requestMatchers("/api/v1/property", "/api/v1/property/**").hasAnyRole(STAFF)
                        // --- teams ---
                        .requestMatchers(HttpMethod.GET, "/api/v1/teams", "/api/v1/teams/*", "/api/v1/targets/progress")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/teams/*", "/api/v1/targets").hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/teams/*/assignment-runs").hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/agents/*/profile").hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD)
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases/*/handover", "/api/v1/cases/*/escalations")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cases/*/assignment-history").hasAnyRole(STAFF)
                        .requestMatchers("/api/v1/escalations", "/api/v1/escalations/**").hasAnyRole(ADMIN, SUPERVISOR)
                        // --- kpiflow ---
                        // (its own paths only: a /api/v1/kpis/** wildcard here let COMPLIANCE through kpicontact's rules below)
                        .requestMatchers(HttpMethod.GET, "/api/v1/kpis/bucket-mix", "/api/v1/kpis/roll-rates",
                                "/api/v1/kpis/cure-recovery", "/api/v1/kpis/vintages", "/api/v1/kpis/aging")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, COMPLIANCE)
                        // --- kpicontact ---
                        .requestMatchers(HttpMethod.POST, "/api/v1/kpis/contacts/refresh", "/api/v1/reports/management")
                        .hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/management").hasAnyRole(ADMIN, SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/v1/kpis/compliance", "/api/v1/kpis/compliance/**")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, COMPLIANCE)
                        .requestMatchers(HttpMethod.GET, "/api/v1/kpis/contacts/**", "/api/v1/kpis/agents",
                                "/api/v1/kpis/agents/**", "/api/v1/kpis/experiments")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint(clock)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, UserAccounts users, PasswordEncoder passwordEncoder,
                                 LoginThrottle throttle) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/login?error");
        failure.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), "/login?locked"));
        http.authenticationManager(new ProviderManager(new ThrottledAuthentication(passwords, throttle)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/ui/strategies/*/versions", "/ui/strategies/*/versions/*/activate")
                        .hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/ui/claims/**").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/ui/cases/*/outcomes", "/ui/cases/*/claims",
                                "/ui/cases/*/messages", "/ui/cases/*/messages/preview")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY)
                        .requestMatchers(HttpMethod.POST, "/ui/cases/*/release", "/ui/queue/locks/*")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY)
                        .requestMatchers("/ui/queue/teams").hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD)
                        .requestMatchers(HttpMethod.POST, "/ui/outbox/*/receipt")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT)
                        .requestMatchers("/", "/ui/overview/**", "/ui/strategies", "/ui/strategies/**",
                                "/ui/experiments/**", "/ui/simulation").hasAnyRole(STAFF)
                        .requestMatchers("/compliance/**").hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, COMPLIANCE)
                        .requestMatchers("/ui/analytics").hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, COMPLIANCE)
                        // --- plans ---
                        .requestMatchers(HttpMethod.POST, "/ui/plans/*/approve", "/ui/plans/*/reject", "/ui/cases/*/plans")
                        .hasAnyRole(COLLECTORS)
                        .requestMatchers("/ui/plans", "/ui/plans/**", "/ui/cases/*/plans").hasAnyRole(STAFF)
                        // --- legal ---
                        .requestMatchers(HttpMethod.POST, "/ui/visits/*/decision", "/ui/legal/matters/*/decision",
                                "/ui/legal/matters/*/steps").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/ui/visits", "/ui/visits/*/report")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, AGENT, AGENCY)
                        .requestMatchers(HttpMethod.POST, "/ui/legal/matters").hasAnyRole(COLLECTORS)
                        .requestMatchers("/ui/legal", "/ui/legal/**").hasAnyRole(STAFF)
                        // --- agency ---
                        .requestMatchers(HttpMethod.POST, "/ui/agencies/placements", "/ui/agencies/placements/**",
                                "/ui/write-offs", "/ui/debt-sales", "/ui/debt-sales/**").hasAnyRole(WRITERS)
                        .requestMatchers("/ui/agencies/statement").hasAnyRole(ADMIN, SUPERVISOR, AGENCY)
                        .requestMatchers("/ui/agencies", "/ui/write-offs", "/ui/debt-sales/**", "/ui/bureau")
                        .hasAnyRole(WHOLE_BOOK)
                        // --- receivables ---
                        .requestMatchers(HttpMethod.POST, "/ui/receivables/review", "/ui/receivables/customers/*/terms")
                        .hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/ui/receivables/customers/*/statements").hasAnyRole(COLLECTORS)
                        .requestMatchers("/ui/receivables", "/ui/receivables/**").hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.POST, "/ui/property/imports").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/ui/property/notices", "/ui/property/notices/*/receipt")
                        .hasAnyRole(COLLECTORS)
                        .requestMatchers("/ui/property", "/ui/property/**").hasAnyRole(STAFF)
                        // --- teams ---
                        .requestMatchers("/ui/teams", "/ui/teams/**", "/ui/targets").hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD)
                        .requestMatchers("/ui/escalations", "/ui/escalations/**").hasAnyRole(ADMIN, SUPERVISOR)
                        // --- kpiflow ---
                        .requestMatchers("/ui/kpis/**").hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, COMPLIANCE)
                        // --- kpicontact ---
                        .requestMatchers("/ui/performance/compliance", "/ui/performance/compliance/**")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, COMPLIANCE)
                        .requestMatchers("/ui/performance/export/COMPLIANCE_REASONS",
                                "/ui/performance/export/COMPLIANCE_CHANNELS")
                        .hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD, COMPLIANCE)
                        .requestMatchers("/ui/performance/**").hasAnyRole(ADMIN, SUPERVISOR, TEAM_LEAD)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new LandingPage()).failureHandler(failure)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(new SessionRevalidation(users), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * HTTP Basic's 401 challenge, or — for a throttled sign-in — 429 with a problem body and {@code Retry-After}, so
     * that an integration knows to wait rather than retry.
     */
    private static AuthenticationEntryPoint apiEntryPoint(Clock clock) {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Recoup");
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                throttled(response, throttled.retryAt(), clock.instant());
            } else {
                basic.commence(request, response, exception);
            }
        };
    }

    private static void throttled(HttpServletResponse response, Instant retryAt, Instant now) throws IOException {
        long seconds = Math.max(1, Duration.between(now, retryAt).toSeconds());
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"too many failed sign-in attempts for this user or from this address; try again after "
                + retryAt + "\",\"code\":\"LOGIN_THROTTLED\",\"retryAt\":\"" + retryAt + "\"}");
    }
}
