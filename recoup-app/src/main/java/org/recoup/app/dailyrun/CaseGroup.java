package org.recoup.app.dailyrun;

import java.util.List;

/** The accounts of one case on a business date, with what the run decided for each (in account id order), and how the case is reached ({@link CasePlanner.Reach}, encoded). */
record CaseGroup(String caseId, String partyId, String reach, List<Member> members) {

    record Member(String accountId, int dpd, long overdueMinor, List<AccountDecision.RuledTreatment> treatments) {
    }

    /** In collections: one of its accounts is past due or has something overdue. */
    boolean inCollections() {
        return members.stream().anyMatch(m -> m.dpd() > 0 || m.overdueMinor() > 0);
    }
}
