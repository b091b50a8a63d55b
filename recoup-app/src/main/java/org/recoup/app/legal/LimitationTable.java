package org.recoup.app.legal;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.recoup.app.export.Table;
import org.recoup.engine.legal.Interruption;

/** The limitation warning list and the legal deadline list as report tables (page, API and downloads). */
final class LimitationTable {

    private LimitationTable() {
    }

    static Table warnings(List<Limitations.AccountLimitation> rows, LocalDate asOf, Function<String, String> label) {
        Table.Builder t = Table.titled(label.apply("legal.limitation.title") + " " + asOf)
                .column("accountId", label.apply("legal.col.account"), Table.Kind.TEXT)
                .column("caseId", label.apply("legal.col.case"), Table.Kind.TEXT)
                .column("status", label.apply("legal.col.status"), Table.Kind.TEXT)
                .column("runsFrom", label.apply("legal.col.runsFrom"), Table.Kind.DATE)
                .column("limitationDate", label.apply("legal.col.limitationDate"), Table.Kind.DATE)
                .column("daysLeft", label.apply("legal.col.daysLeft"), Table.Kind.INTEGER)
                .column("restartedBy", label.apply("legal.col.restartedBy"), Table.Kind.TEXT)
                .column("restartedOn", label.apply("legal.col.restartedOn"), Table.Kind.DATE)
                .column("evidence", label.apply("legal.col.evidence"), Table.Kind.TEXT)
                .column("years", label.apply("legal.col.years"), Table.Kind.INTEGER);
        for (Limitations.AccountLimitation l : rows) {
            Interruption i = l.limitation().restartedBy();
            t.row(l.accountId(), l.caseId(), l.limitation().status().name(), l.limitation().runsFrom(),
                    l.limitation().limitationDate(), l.limitation().daysLeft(), i == null ? null : i.kind().name(),
                    i == null ? null : i.date(), i == null ? null : i.evidence(), l.years());
        }
        return t.build();
    }

    static Table deadlines(List<LegalMatters.UpcomingDeadline> rows, LocalDate asOf, Function<String, String> label) {
        Table.Builder t = Table.titled(label.apply("legal.deadlines.title") + " " + asOf)
                .column("matterId", label.apply("legal.col.matter"), Table.Kind.TEXT)
                .column("caseId", label.apply("legal.col.case"), Table.Kind.TEXT)
                .column("accountId", label.apply("legal.col.account"), Table.Kind.TEXT)
                .column("step", label.apply("legal.col.step"), Table.Kind.TEXT)
                .column("deadline", label.apply("legal.col.deadline"), Table.Kind.DATE)
                .column("daysLeft", label.apply("legal.col.daysLeft"), Table.Kind.INTEGER)
                .column("note", label.apply("legal.col.note"), Table.Kind.TEXT)
                .column("court", label.apply("legal.col.court"), Table.Kind.TEXT)
                .column("courtCaseNumber", label.apply("legal.col.courtCaseNumber"), Table.Kind.TEXT);
        for (LegalMatters.UpcomingDeadline d : rows) {
            t.row(d.matterId(), d.caseId(), d.accountId(), d.step(), d.deadline(), d.daysLeft(), d.note(), d.court(),
                    d.courtCaseNumber());
        }
        return t.build();
    }
}
