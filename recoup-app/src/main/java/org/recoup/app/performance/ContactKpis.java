package org.recoup.app.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.recoup.app.export.Table;
import org.recoup.app.export.Table.Kind;
import org.recoup.app.web.AmountFormat;
import org.recoup.engine.strategy.ConfidenceInterval;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI tables of contacts, promises, channels, collectors, experiment arms and compliance, read from the daily
 * aggregates only. Each figure is defined in docs/kpis.md ("Contacts, promises, collectors…"); rates are
 * {@link BigDecimal}s with 4 decimals (0.1234 = 12.34 %), {@code null} when the denominator is 0; amounts are in the
 * currency's major unit. The same {@link Table} feeds the page, the API and the XLSX/CSV download.
 */
@Service
public class ContactKpis {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ContactKpis(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The tables a KPI page or API path can ask for. */
    public enum Name {
        SUMMARY, HOURS, RECOVERY_HOURS, FUNNEL, PROMISES, CHANNELS, COST, AGENTS, AGENT_TREND, ARMS,
        COMPLIANCE_REASONS, COMPLIANCE_CHANNELS
    }

    /** The dashboards and the tables each shows, in order. */
    public enum Dashboard {
        CONTACTS(Name.SUMMARY, Name.HOURS, Name.FUNNEL, Name.PROMISES, Name.CHANNELS, Name.COST, Name.RECOVERY_HOURS),
        AGENTS(Name.AGENTS, Name.AGENT_TREND),
        EXPERIMENTS(Name.ARMS),
        COMPLIANCE(Name.COMPLIANCE_REASONS, Name.COMPLIANCE_CHANNELS);

        private final List<Name> tables;

        Dashboard(Name... tables) {
            this.tables = List.of(tables);
        }

        public List<Name> tables() {
            return tables;
        }

        /** The dashboard of a path segment ({@code contacts}, …); 404 otherwise. */
        public static Dashboard of(String path) {
            for (Dashboard d : values()) {
                if (d.name().equalsIgnoreCase(path)) {
                    return d;
                }
            }
            throw org.recoup.app.api.ApiProblem.notFound("dashboard", path);
        }
    }

    /** A dashboard's data: its tables by name, in one read-only transaction. */
    @Transactional(readOnly = true)
    public Map<String, Table> dashboard(Dashboard dashboard, KpiFilter filter, Locale locale) {
        Map<String, Table> tables = new LinkedHashMap<>();
        Shared shared = new Shared(filter);
        dashboard.tables().forEach(name -> tables.put(name.name(), table(name, shared, locale)));
        return tables;
    }

    @Transactional(readOnly = true)
    public Table table(Name name, KpiFilter f, Locale locale) {
        return table(name, new Shared(f), locale);
    }

    private Table table(Name name, Shared shared, Locale locale) {
        Labels l = new Labels(locale);
        KpiFilter f = shared.filter;
        return switch (name) {
            case SUMMARY -> summary(shared, l);
            case HOURS -> hours(f, l);
            case RECOVERY_HOURS -> recoveryHours(f, l);
            case FUNNEL -> funnel(shared, l);
            case PROMISES -> promises(f, l);
            case CHANNELS -> channels(f, l);
            case COST -> cost(f, l);
            case AGENTS -> agents(shared, l);
            case AGENT_TREND -> agentTrend(shared, l);
            case ARMS -> arms(f, l);
            case COMPLIANCE_REASONS -> complianceReasons(f, l);
            case COMPLIANCE_CHANNELS -> complianceChannels(f, l);
        };
    }

    /** Portfolio names and teams seen in the aggregates, for the filters. */
    @Transactional(readOnly = true)
    public List<String> portfolios() {
        return jdbc.sql("SELECT DISTINCT portfolio FROM account WHERE portfolio IS NOT NULL ORDER BY portfolio")
                .query(String.class).list();
    }

    @Transactional(readOnly = true)
    public List<String> teams() {
        return jdbc.sql("SELECT DISTINCT team FROM app_user WHERE team IS NOT NULL ORDER BY team").query(String.class).list();
    }

    // --- contacts

    private Table summary(Shared s, Labels l) {
        Contacts c = s.contacts();
        long hours = s.agentDays().stream().mapToLong(AgentDay::hours).sum();
        long agentAttempts = c.agentAttempts();
        Promises pr = s.promises();
        return Table.titled(l.title("summary"))
                .column("attempts", l.col("attempts"), Kind.INTEGER)
                .column("rpc", l.col("rpc"), Kind.INTEGER)
                .column("rpc_rate", l.col("rpc_rate"), Kind.RATE)
                .column("ptp", l.col("ptp"), Kind.INTEGER)
                .column("ptp_rate", l.col("ptp_rate"), Kind.RATE)
                .column("promises_made", l.col("promises_made"), Kind.INTEGER)
                .column("kept", l.col("kept"), Kind.INTEGER)
                .column("kept_rate", l.col("kept_rate"), Kind.RATE)
                .column("agent_hours", l.col("agent_hours"), Kind.INTEGER)
                .column("contacts_per_hour", l.col("contacts_per_hour"), Kind.AMOUNT)
                .row(c.attempts(), c.rpc(), rate(c.rpc(), c.attempts()), c.ptp(), rate(c.ptp(), c.rpc()), pr.made(),
                        pr.kept(), rate(pr.kept(), pr.resolved()), hours, perHour(agentAttempts, hours))
                .build();
    }

    private Table hours(KpiFilter f, Labels l) {
        Map<String, Object> p = new HashMap<>();
        String where = f.where("k", p);
        Table.Builder t = Table.titled(l.title("hours"))
                .column("channel", l.col("channel"), Kind.TEXT)
                .column("hour", l.col("hour"), Kind.INTEGER)
                .column("attempts", l.col("attempts"), Kind.INTEGER)
                .column("rpc", l.col("rpc"), Kind.INTEGER)
                .column("rpc_rate", l.col("rpc_rate"), Kind.RATE)
                .column("ptp", l.col("ptp"), Kind.INTEGER)
                .column("ptp_rate", l.col("ptp_rate"), Kind.RATE);
        jdbc.sql("""
                SELECT k.channel, k.local_hour, SUM(k.attempts) AS attempts, SUM(k.rpc) AS rpc, SUM(k.ptp) AS ptp
                FROM kpi_contact_team_hour k WHERE %s
                GROUP BY k.channel, k.local_hour ORDER BY k.channel, k.local_hour""".formatted(where))
                .params(p).query((rs, i) -> {
                    long attempts = rs.getLong("attempts");
                    long rpc = rs.getLong("rpc");
                    long ptp = rs.getLong("ptp");
                    t.row(rs.getString("channel"), rs.getInt("local_hour"), attempts, rpc, rate(rpc, attempts), ptp,
                            rate(ptp, rpc));
                    return null;
                }).list();
        return t.build();
    }

    private Table recoveryHours(KpiFilter f, Labels l) {
        Map<String, Object> p = new HashMap<>();
        String where = f.where("k", p);
        Table.Builder t = Table.titled(l.title("recovery_hours"))
                .column("channel", l.col("channel"), Kind.TEXT)
                .column("hour", l.col("hour"), Kind.INTEGER)
                .column("currency", l.col("currency"), Kind.TEXT)
                .column("kept", l.col("kept_or_partial"), Kind.INTEGER)
                .column("recovered", l.col("recovered_on_promises"), Kind.AMOUNT);
        jdbc.sql("""
                SELECT k.channel, k.local_hour, k.currency, SUM(k.promises) AS promises, SUM(k.paid_minor) AS paid
                FROM kpi_promise_team_hour k WHERE %s AND k.event IN ('KEPT', 'PARTIALLY_KEPT')
                GROUP BY k.channel, k.local_hour, k.currency ORDER BY k.channel, k.local_hour, k.currency"""
                .formatted(where))
                .params(p).query((rs, i) -> {
                    String ccy = rs.getString("currency").strip();
                    t.row(rs.getString("channel"), rs.getInt("local_hour"), ccy, rs.getLong("promises"),
                            amount(rs.getLong("paid"), ccy));
                    return null;
                }).list();
        return t.build();
    }

    private Table funnel(Shared s, Labels l) {
        Contacts c = s.contacts();
        Promises pr = s.promises();
        Table.Builder t = Table.titled(l.title("funnel"))
                .column("stage", l.col("stage"), Kind.TEXT)
                .column("name", l.col("name"), Kind.TEXT)
                .column("count", l.col("count"), Kind.INTEGER)
                .column("conversion", l.col("conversion"), Kind.RATE);
        t.row("ATTEMPTS", l.text("kpi.funnel.ATTEMPTS"), c.attempts(), null);
        t.row("RPC", l.text("kpi.funnel.RPC"), c.rpc(), rate(c.rpc(), c.attempts()));
        t.row("PTP", l.text("kpi.funnel.PTP"), c.ptp(), rate(c.ptp(), c.rpc()));
        t.row("KEPT", l.text("kpi.funnel.KEPT"), pr.kept(), rate(pr.kept(), pr.resolved()));
        return t.build();
    }

    private Table promises(KpiFilter f, Labels l) {
        Map<String, Object> p = new HashMap<>();
        String where = f.where("k", p);
        Table.Builder t = Table.titled(l.title("promises"))
                .column("currency", l.col("currency"), Kind.TEXT)
                .column("made", l.col("promises_made"), Kind.INTEGER)
                .column("promised", l.col("promised"), Kind.AMOUNT)
                .column("resolved", l.col("resolved"), Kind.INTEGER)
                .column("kept", l.col("kept"), Kind.INTEGER)
                .column("partially_kept", l.col("partially_kept"), Kind.INTEGER)
                .column("broken", l.col("broken"), Kind.INTEGER)
                .column("kept_rate", l.col("kept_rate"), Kind.RATE)
                .column("due_resolved", l.col("due_resolved"), Kind.AMOUNT)
                .column("paid_resolved", l.col("paid_resolved"), Kind.AMOUNT)
                .column("kept_amount_rate", l.col("kept_amount_rate"), Kind.RATE);
        jdbc.sql("""
                SELECT k.currency,
                       SUM(CASE WHEN k.event = 'MADE' THEN k.promises ELSE 0 END) AS made,
                       SUM(CASE WHEN k.event = 'MADE' THEN k.amount_minor ELSE 0 END) AS promised,
                       SUM(CASE WHEN k.event = 'KEPT' THEN k.promises ELSE 0 END) AS kept,
                       SUM(CASE WHEN k.event = 'PARTIALLY_KEPT' THEN k.promises ELSE 0 END) AS partial,
                       SUM(CASE WHEN k.event = 'BROKEN' THEN k.promises ELSE 0 END) AS broken,
                       SUM(CASE WHEN k.event <> 'MADE' THEN k.amount_minor ELSE 0 END) AS due,
                       SUM(CASE WHEN k.event <> 'MADE' THEN k.paid_minor ELSE 0 END) AS paid
                FROM kpi_promise_team_hour k WHERE %s GROUP BY k.currency ORDER BY k.currency""".formatted(where))
                .params(p).query((rs, i) -> {
                    String ccy = rs.getString("currency").strip();
                    long kept = rs.getLong("kept");
                    long resolved = kept + rs.getLong("partial") + rs.getLong("broken");
                    long due = rs.getLong("due");
                    long paid = rs.getLong("paid");
                    t.row(ccy, rs.getLong("made"), amount(rs.getLong("promised"), ccy), resolved, kept,
                            rs.getLong("partial"), rs.getLong("broken"), rate(kept, resolved), amount(due, ccy),
                            amount(paid, ccy), rate(paid, due));
                    return null;
                }).list();
        return t.build();
    }

    private Table channels(KpiFilter f, Labels l) {
        Map<String, Object> p = new HashMap<>();
        String contactWhere = f.where("k", p);
        Map<String, long[]> rows = new TreeMap<>();
        jdbc.sql("""
                SELECT k.channel, k.currency, SUM(k.attempts) AS attempts, SUM(k.rpc) AS rpc, SUM(k.ptp) AS ptp,
                       SUM(k.cost_minor) AS cost
                FROM kpi_contact_team_hour k WHERE %s GROUP BY k.channel, k.currency""".formatted(contactWhere))
                .params(p).query((rs, i) -> {
                    long[] v = rows.computeIfAbsent(rs.getString("channel") + "|" + rs.getString("currency").strip(),
                            k -> new long[6]);
                    v[0] = rs.getLong("attempts");
                    v[1] = rs.getLong("rpc");
                    v[2] = rs.getLong("ptp");
                    v[3] = rs.getLong("cost");
                    return null;
                }).list();
        Map<String, Object> q = new HashMap<>();
        String promiseWhere = f.where("k", q);
        jdbc.sql("""
                SELECT k.channel, k.currency, SUM(CASE WHEN k.event = 'KEPT' THEN k.promises ELSE 0 END) AS kept,
                       SUM(k.paid_minor) AS paid
                FROM kpi_promise_team_hour k WHERE %s AND k.event IN ('KEPT', 'PARTIALLY_KEPT')
                GROUP BY k.channel, k.currency""".formatted(promiseWhere))
                .params(q).query((rs, i) -> {
                    long[] v = rows.computeIfAbsent(rs.getString("channel") + "|" + rs.getString("currency").strip(),
                            k -> new long[6]);
                    v[4] = rs.getLong("kept");
                    v[5] = rs.getLong("paid");
                    return null;
                }).list();
        Table.Builder t = Table.titled(l.title("channels"))
                .column("channel", l.col("channel"), Kind.TEXT)
                .column("currency", l.col("currency"), Kind.TEXT)
                .column("attempts", l.col("attempts"), Kind.INTEGER)
                .column("rpc", l.col("rpc"), Kind.INTEGER)
                .column("rpc_rate", l.col("rpc_rate"), Kind.RATE)
                .column("ptp", l.col("ptp"), Kind.INTEGER)
                .column("ptp_rate", l.col("ptp_rate"), Kind.RATE)
                .column("kept", l.col("kept"), Kind.INTEGER)
                .column("cost", l.col("cost"), Kind.AMOUNT)
                .column("cost_per_rpc", l.col("cost_per_rpc"), Kind.AMOUNT)
                .column("recovered", l.col("recovered_on_promises"), Kind.AMOUNT);
        rows.forEach((key, v) -> {
            String channel = key.substring(0, key.indexOf('|'));
            String ccy = key.substring(key.indexOf('|') + 1);
            t.row(channel, ccy, v[0], v[1], rate(v[1], v[0]), v[2], rate(v[2], v[1]), v[4], amount(v[3], ccy),
                    v[1] == 0 ? null : amount(v[3], ccy).divide(BigDecimal.valueOf(v[1]),
                            AmountFormat.digitsOf(ccy), RoundingMode.HALF_UP),
                    amount(v[5], ccy));
        });
        return t.build();
    }

    private Table cost(KpiFilter f, Labels l) {
        Map<String, long[]> rows = new TreeMap<>();
        Map<String, Object> p = new HashMap<>();
        jdbc.sql("SELECT k.currency, SUM(k.cost_minor) AS cost FROM kpi_contact_team_hour k WHERE %s GROUP BY k.currency"
                        .formatted(f.where("k", p)))
                .params(p).query((rs, i) -> rows.computeIfAbsent(rs.getString("currency").strip(), k -> new long[2])[0]
                        = rs.getLong("cost")).list();
        Map<String, Object> q = new HashMap<>();
        jdbc.sql("SELECT k.currency, SUM(k.paid_minor) AS paid FROM kpi_payment_day k WHERE %s GROUP BY k.currency"
                        .formatted(f.where("k", q)))
                .params(q).query((rs, i) -> rows.computeIfAbsent(rs.getString("currency").strip(), k -> new long[2])[1]
                        = rs.getLong("paid")).list();
        Table.Builder t = Table.titled(l.title("cost"))
                .column("currency", l.col("currency"), Kind.TEXT)
                .column("cost", l.col("cost"), Kind.AMOUNT)
                .column("recovered", l.col("recovered"), Kind.AMOUNT)
                .column("cost_to_collect", l.col("cost_to_collect"), Kind.RATE);
        rows.forEach((ccy, v) -> t.row(ccy, amount(v[0], ccy), amount(v[1], ccy), rate(v[0], v[1])));
        return t.build();
    }

    // --- collectors

    private Table agents(Shared s, Labels l) {
        Map<String, AgentFigures> now = agentFigures(s.filter, s.agentDays());
        KpiFilter previous = s.filter.previous();
        Map<String, AgentFigures> before = agentFigures(previous, agentDays(previous));
        Table.Builder t = Table.titled(l.title("agents"))
                .column("agent", l.col("agent"), Kind.TEXT)
                .column("team", l.col("team"), Kind.TEXT)
                .column("attempts", l.col("attempts"), Kind.INTEGER)
                .column("rpc", l.col("rpc"), Kind.INTEGER)
                .column("rpc_rate", l.col("rpc_rate"), Kind.RATE)
                .column("ptp", l.col("ptp"), Kind.INTEGER)
                .column("ptp_rate", l.col("ptp_rate"), Kind.RATE)
                .column("active_hours", l.col("active_hours"), Kind.INTEGER)
                .column("contacts_per_hour", l.col("contacts_per_hour"), Kind.AMOUNT)
                .column("promises_made", l.col("promises_made"), Kind.INTEGER)
                .column("kept", l.col("kept"), Kind.INTEGER)
                .column("kept_rate", l.col("kept_rate"), Kind.RATE)
                .column("prev_rpc_rate", l.col("prev_rpc_rate"), Kind.RATE)
                .column("prev_contacts_per_hour", l.col("prev_contacts_per_hour"), Kind.AMOUNT);
        now.forEach((agent, a) -> {
            AgentFigures b = before.get(agent);
            t.row(agent, a.team, a.attempts, a.rpc, rate(a.rpc, a.attempts), a.ptp, rate(a.ptp, a.rpc), a.hours,
                    perHour(a.attempts, a.hours), a.made, a.kept, rate(a.kept, a.resolved),
                    b == null ? null : rate(b.rpc, b.attempts), b == null ? null : perHour(b.attempts, b.hours));
        });
        return t.build();
    }

    private Table agentTrend(Shared s, Labels l) {
        Table.Builder t = Table.titled(l.title("agent_trend"))
                .column("agent", l.col("agent"), Kind.TEXT)
                .column("date", l.col("date"), Kind.DATE)
                .column("attempts", l.col("attempts"), Kind.INTEGER)
                .column("rpc", l.col("rpc"), Kind.INTEGER)
                .column("active_hours", l.col("active_hours"), Kind.INTEGER)
                .column("contacts_per_hour", l.col("contacts_per_hour"), Kind.AMOUNT);
        s.agentDays().forEach(d -> t.row(d.agent(), d.date(), d.attempts(), d.rpc(), d.hours(),
                perHour(d.attempts(), d.hours())));
        return t.build();
    }

    private static final class AgentFigures {
        String team = "";
        long attempts;
        long rpc;
        long ptp;
        long hours;
        long made;
        long kept;
        long resolved;
    }

    /** Per agent: the sums of its agent-days, then its promises (from {@code kpi_promise_agent_day}). */
    private Map<String, AgentFigures> agentFigures(KpiFilter f, List<AgentDay> days) {
        Map<String, AgentFigures> byAgent = new TreeMap<>();
        for (AgentDay d : days) {
            AgentFigures a = byAgent.computeIfAbsent(d.agent(), k -> new AgentFigures());
            a.team = d.team();
            a.attempts += d.attempts();
            a.rpc += d.rpc();
            a.ptp += d.ptp();
            a.hours += d.hours();
        }
        Map<String, Object> q = new HashMap<>();
        jdbc.sql("""
                SELECT k.agent, MAX(k.team) AS team,
                       SUM(CASE WHEN k.event = 'MADE' THEN k.promises ELSE 0 END) AS made,
                       SUM(CASE WHEN k.event = 'KEPT' THEN k.promises ELSE 0 END) AS kept,
                       SUM(CASE WHEN k.event <> 'MADE' THEN k.promises ELSE 0 END) AS resolved
                FROM kpi_promise_agent_day k WHERE %s GROUP BY k.agent""".formatted(f.where("k", q)))
                .params(q).query((rs, i) -> {
                    AgentFigures a = byAgent.computeIfAbsent(rs.getString("agent"), k -> new AgentFigures());
                    if (a.team.isEmpty()) {
                        a.team = rs.getString("team");
                    }
                    a.made = rs.getLong("made");
                    a.kept = rs.getLong("kept");
                    a.resolved = rs.getLong("resolved");
                    return null;
                }).list();
        return byAgent;
    }

    // --- experiments

    private Table arms(KpiFilter f, Labels l) {
        Map<String, Object> p = new HashMap<>();
        Table.Builder t = Table.titled(l.title("arms"))
                .column("experiment", l.col("experiment"), Kind.TEXT)
                .column("arm", l.col("arm"), Kind.TEXT)
                .column("account_days", l.col("account_days"), Kind.INTEGER)
                .column("rpc_accounts", l.col("rpc_accounts"), Kind.INTEGER)
                .column("rpc_rate", l.col("rpc_rate"), Kind.RATE)
                .column("rpc_low", l.col("ci_low"), Kind.RATE)
                .column("rpc_high", l.col("ci_high"), Kind.RATE)
                .column("paid_accounts", l.col("paid_accounts"), Kind.INTEGER)
                .column("pay_rate", l.col("pay_rate"), Kind.RATE)
                .column("pay_low", l.col("ci_low"), Kind.RATE)
                .column("pay_high", l.col("ci_high"), Kind.RATE);
        jdbc.sql("""
                SELECT k.experiment_id, k.arm, SUM(k.accounts) AS accounts, SUM(k.accounts_rpc) AS rpc,
                       SUM(k.accounts_paid) AS paid
                FROM kpi_arm_day k WHERE %s GROUP BY k.experiment_id, k.arm ORDER BY k.experiment_id, k.arm"""
                .formatted(f.where("k", p)))
                .params(p).query((rs, i) -> {
                    long n = rs.getLong("accounts");
                    long rpc = rs.getLong("rpc");
                    long paid = rs.getLong("paid");
                    ConfidenceInterval r = ConfidenceInterval.wilson95(rpc, n);
                    ConfidenceInterval y = ConfidenceInterval.wilson95(paid, n);
                    t.row(rs.getString("experiment_id"), rs.getString("arm"), n, rpc, rate(rpc, n),
                            n == 0 ? null : scaled(r.lower()), n == 0 ? null : scaled(r.upper()), paid, rate(paid, n),
                            n == 0 ? null : scaled(y.lower()), n == 0 ? null : scaled(y.upper()));
                    return null;
                }).list();
        return t.build();
    }

    // --- compliance

    private Table complianceReasons(KpiFilter f, Labels l) {
        Map<String, Object> p = new HashMap<>();
        String where = f.where("k", p);
        long[] totals = jdbc.sql("SELECT COALESCE(SUM(k.verdicts), 0) AS verdicts, COALESCE(SUM(k.blocked), 0) AS blocked "
                        + "FROM kpi_compliance_day k WHERE " + where + " AND k.reason_code = ''")
                .params(p).query((rs, i) -> new long[] {rs.getLong("verdicts"), rs.getLong("blocked")}).single();
        Table.Builder t = Table.titled(l.title("compliance_reasons"))
                .column("reason", l.col("reason"), Kind.TEXT)
                .column("blocked", l.col("blocked"), Kind.INTEGER)
                .column("rate_of_verdicts", l.col("rate_of_verdicts"), Kind.RATE)
                .column("rate_of_blocks", l.col("rate_of_blocks"), Kind.RATE);
        jdbc.sql("SELECT k.reason_code, SUM(k.blocked) AS blocked FROM kpi_compliance_day k WHERE " + where
                        + " AND k.reason_code <> '' GROUP BY k.reason_code ORDER BY SUM(k.blocked) DESC, k.reason_code")
                .params(p).query((rs, i) -> {
                    long blocked = rs.getLong("blocked");
                    t.row(rs.getString("reason_code"), blocked, rate(blocked, totals[0]), rate(blocked, totals[1]));
                    return null;
                }).list();
        return t.build();
    }

    private Table complianceChannels(KpiFilter f, Labels l) {
        Map<String, Object> p = new HashMap<>();
        Table.Builder t = Table.titled(l.title("compliance_channels"))
                .column("channel", l.col("channel"), Kind.TEXT)
                .column("verdicts", l.col("verdicts"), Kind.INTEGER)
                .column("blocked", l.col("blocked"), Kind.INTEGER)
                .column("block_rate", l.col("block_rate"), Kind.RATE);
        jdbc.sql("SELECT k.channel, SUM(k.verdicts) AS verdicts, SUM(k.blocked) AS blocked FROM kpi_compliance_day k "
                        + "WHERE " + f.where("k", p) + " AND k.reason_code = '' GROUP BY k.channel ORDER BY k.channel")
                .params(p).query((rs, i) -> {
                    long verdicts = rs.getLong("verdicts");
                    long blocked = rs.getLong("blocked");
                    t.row(rs.getString("channel"), verdicts, blocked, rate(blocked, verdicts));
                    return null;
                }).list();
        return t.build();
    }

    // --- shared figures

    private record Contacts(long attempts, long rpc, long ptp, long agentAttempts) {
    }

    private record Promises(long made, long kept, long resolved) {
    }

    /**
     * One agent's figures of one date: {@code hours} = its distinct local hours with at least one attempt;
     * {@code team} = the greatest team of the agent's rows in the whole filtered period (as the database orders it).
     */
    private record AgentDay(String agent, LocalDate date, String team, long attempts, long rpc, long ptp, long hours) {
    }

    /** The figures several tables of one request share, each read once per request. */
    private final class Shared {
        final KpiFilter filter;
        private Contacts contacts;
        private Promises promises;
        private List<AgentDay> agentDays;

        Shared(KpiFilter filter) {
            this.filter = filter;
        }

        Contacts contacts() {
            if (contacts == null) {
                contacts = contactTotals(filter);
            }
            return contacts;
        }

        Promises promises() {
            if (promises == null) {
                promises = promiseTotals(filter);
            }
            return promises;
        }

        List<AgentDay> agentDays() {
            if (agentDays == null) {
                agentDays = ContactKpis.this.agentDays(filter);
            }
            return agentDays;
        }
    }

    /** Totals of attempts; {@code agentAttempts}: those recorded by a user. */
    private Contacts contactTotals(KpiFilter f) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("SELECT COALESCE(SUM(k.attempts), 0) AS attempts, COALESCE(SUM(k.rpc), 0) AS rpc, "
                        + "COALESCE(SUM(k.ptp), 0) AS ptp, COALESCE(SUM(k.agent_attempts), 0) AS agent_attempts "
                        + "FROM kpi_contact_team_hour k WHERE " + f.where("k", p))
                .params(p).query((rs, i) -> new Contacts(rs.getLong("attempts"), rs.getLong("rpc"), rs.getLong("ptp"),
                        rs.getLong("agent_attempts")))
                .single();
    }

    /**
     * Per agent and date (ordered so), the agent's attempts; its working hours are the distinct local hours with at
     * least one attempt: the bits of the OR of its rows' hour masks.
     */
    private List<AgentDay> agentDays(KpiFilter f) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("""
                SELECT k.agent, k.business_date, MAX(MAX(k.team)) OVER (PARTITION BY k.agent) AS team,
                       SUM(k.attempts) AS attempts, SUM(k.rpc) AS rpc, SUM(k.ptp) AS ptp,
                       BIT_OR(k.hours_mask) AS hours_mask
                FROM kpi_agent_day k WHERE %s
                GROUP BY k.agent, k.business_date ORDER BY k.agent, k.business_date""".formatted(f.where("k", p)))
                .params(p).query((rs, i) -> new AgentDay(rs.getString("agent"),
                        rs.getObject("business_date", LocalDate.class), rs.getString("team"), rs.getLong("attempts"),
                        rs.getLong("rpc"), rs.getLong("ptp"), Long.bitCount(rs.getLong("hours_mask"))))
                .list();
    }

    private Promises promiseTotals(KpiFilter f) {
        Map<String, Object> p = new HashMap<>();
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN k.event = 'MADE' THEN k.promises ELSE 0 END), 0) AS made,
                       COALESCE(SUM(CASE WHEN k.event = 'KEPT' THEN k.promises ELSE 0 END), 0) AS kept,
                       COALESCE(SUM(CASE WHEN k.event <> 'MADE' THEN k.promises ELSE 0 END), 0) AS resolved
                FROM kpi_promise_team_hour k WHERE %s""".formatted(f.where("k", p)))
                .params(p).query((rs, i) -> new Promises(rs.getLong("made"), rs.getLong("kept"), rs.getLong("resolved")))
                .single();
    }

    static BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal perHour(long contacts, long hours) {
        return hours == 0 ? null : BigDecimal.valueOf(contacts).divide(BigDecimal.valueOf(hours), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal scaled(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(long minor, String currency) {
        return BigDecimal.valueOf(minor, AmountFormat.digitsOf(currency));
    }

    /** Localized titles and column labels ({@code kpi.table.*}, {@code kpi.col.*}). */
    private final class Labels {
        private final Locale locale;

        Labels(Locale locale) {
            this.locale = locale;
        }

        String title(String key) {
            return text("kpi.table." + key);
        }

        String col(String key) {
            return text("kpi.col." + key);
        }

        String text(String key) {
            return messages.getMessage(key, null, key, locale);
        }
    }

    /** Rows of a table as maps keyed by column key (for the charts' convenience). */
    static List<Map<String, Object>> records(Table table) {
        return table.rows().stream().map(row -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                m.put(table.columns().get(i).key(), row.get(i));
            }
            return m;
        }).toList();
    }
}
