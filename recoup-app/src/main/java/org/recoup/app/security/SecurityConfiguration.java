package org.recoup.app.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Two filter chains: the API (and actuator) is stateless HTTP Basic without cookies, so CSRF does not apply; the web
 * UI uses form login with a session, CSRF tokens and session-fixation protection. An API credential, once verified,
 * is remembered for a minute ({@link VerifiedCredentials}) so that bcrypt runs once per client and minute, not per call.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final Duration API_CREDENTIAL_TTL = Duration.ofMinutes(1);
    private static final String[] WRITERS = {Role.ADMIN.name(), Role.SUPERVISOR.name()};

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, UserAccounts users, PasswordEncoder passwordEncoder, Clock clock)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        http.securityMatcher("/api/**", "/actuator/**")
                .authenticationManager(new ProviderManager(new VerifiedCredentials(passwords, clock, API_CREDENTIAL_TTL)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports/**", "/api/v1/runs/**").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/config/compliance-profiles")
                        .hasAnyRole(Role.ADMIN.name(), Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/config/**").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/strategies/validate").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/strategies/**", "/api/v1/experiments/**")
                        .hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/contacts/**").hasAnyRole(Role.ADMIN.name(),
                                Role.SUPERVISOR.name(), Role.TEAM_LEAD.name(), Role.AGENT.name(), Role.AGENCY.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/parties/*/holds").hasAnyRole(Role.ADMIN.name(),
                                Role.SUPERVISOR.name(), Role.TEAM_LEAD.name(), Role.AGENT.name(), Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/parties/*/contact-window").hasAnyRole(Role.ADMIN.name(),
                                Role.SUPERVISOR.name(), Role.TEAM_LEAD.name(), Role.AGENT.name(), Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/parties/*/holds/*")
                        .hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name(), Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/templates/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name(), Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/compliance/report").hasAnyRole(Role.ADMIN.name(),
                                Role.SUPERVISOR.name(), Role.TEAM_LEAD.name(), Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/outbox/dispatch").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name(), Role.TEAM_LEAD.name(), Role.AGENT.name())
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/ui/strategies/*/versions", "/ui/strategies/*/versions/*/activate")
                        .hasAnyRole(WRITERS)
                        .requestMatchers("/compliance/**").hasAnyRole(Role.ADMIN.name(), Role.SUPERVISOR.name(),
                                Role.TEAM_LEAD.name(), Role.COMPLIANCE.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
        return http.build();
    }
}
