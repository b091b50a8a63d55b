package org.recoup.app.workbench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.recoup.app.compliance.ContactGate;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.ContactRequest;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Which calls the law allows right now on a case: every phone number of every party of the case, each asked of the
 * compliance gate (one set-based preview, nothing audited or reserved). The page offers the allowed ones and shows the
 * others disabled with every reason and the next allowed time; recording still goes through the atomic gate.
 */
@Service
class ContactOptions {

    private static final Set<String> PHONES = Set.of("MOBILE", "HOME_PHONE", "WORK_PHONE");

    /** One number the agent could call, with the gate's answer. */
    record Option(String accountId, String partyId, String partyName, String role, boolean liable,
                  String contactPointId, String type, String value, boolean allowed, List<Verdict.Reason> reasons,
                  Instant nextAllowedAt) {

        /** The form value identifying the option. */
        public String key() {
            return accountId + "|" + partyId + "|" + contactPointId;
        }
    }

    private final ContactGate gate;
    private final Clock clock;

    ContactOptions(ContactGate gate, ObjectProvider<Clock> clock) {
        this.gate = gate;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    List<Option> now(CaseFile file) {
        Instant now = clock.instant();
        Map<String, CaseFile.PartyLine> partyOnce = new LinkedHashMap<>();
        for (CaseFile.PartyLine p : file.parties()) {
            partyOnce.merge(p.partyId(), p, (a, b) -> a.liable() ? a : b);
        }
        List<ContactRequest> requests = new ArrayList<>();
        List<Object[]> pending = new ArrayList<>();
        for (CaseFile.PartyLine party : partyOnce.values()) {
            for (CaseFile.ContactPointLine point : file.contactPoints()) {
                if (point.partyId().equals(party.partyId()) && PHONES.contains(point.type())) {
                    requests.add(new ContactRequest(party.accountId(), party.partyId(), point.contactPointId(),
                            Channel.CALL, now, null, List.of(), party.liable() ? Purpose.COLLECTION : Purpose.LOCATE));
                    pending.add(new Object[] {party, point});
                }
            }
        }
        List<Verdict> verdicts = gate.preview(requests);
        List<Option> options = new ArrayList<>(verdicts.size());
        for (int i = 0; i < verdicts.size(); i++) {
            CaseFile.PartyLine party = (CaseFile.PartyLine) pending.get(i)[0];
            CaseFile.ContactPointLine point = (CaseFile.ContactPointLine) pending.get(i)[1];
            Verdict v = verdicts.get(i);
            options.add(new Option(party.accountId(), party.partyId(), party.name(), party.role(), party.liable(),
                    point.contactPointId(), point.type(), point.value(), v.allowed(), v.reasons(), v.nextAllowedAt()));
        }
        return options;
    }
}
