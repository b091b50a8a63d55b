package org.recoup.engine.compliance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.recoup.engine.compliance.ContactHistory.Attempt;
import org.recoup.engine.debt.Jurisdiction;

/**
 * Test data for one compliance check, written the way the rules are read:
 * <pre>{@code
 * aContactRequest().call().at("2026-11-23T21:59:00+08:00").evaluate()
 * aContactRequest().under(US).to(EMERGENCY_CONTACT).purpose(LOCATE).withAttempt(CALL, "…", NO_ANSWER)
 * }</pre>
 * Defaults: account A-1 under the CN profile; the borrower B-1 in Asia/Shanghai, reachable, on mobile CP-1 (valid,
 * consented, no zone of its own); a call for collection; no holds, no history.
 */
public final class ContactCheck {

    public static final String ACCOUNT = "A-1";
    public static final String BORROWER = "B-1";

    private String accountId = ACCOUNT;
    private String partyId = BORROWER;
    private PartyRole role = PartyRole.BORROWER;
    private ZoneId partyZone = ZoneId.of("Asia/Shanghai");
    private boolean partyDeceased;
    private boolean bankrupt;
    private boolean incarcerated;
    private TimeWindow consentedWindow;
    private boolean refusedContact;
    private boolean estateRepresentative;
    private boolean borrowerDeceased;
    private boolean borrowerIncapacitated;
    private boolean borrowerHasValidNumber = true;
    private String pointId = "CP-1";
    private boolean pointValid = true;
    private boolean pointConsent = true;
    private ZoneId pointZone;
    private boolean noPoint;
    private Channel channel = Channel.CALL;
    private Instant at = instant("2026-11-23T10:00:00+08:00");
    private String content;
    private List<String> staff = List.of();
    private Purpose purpose = Purpose.COLLECTION;
    private JurisdictionProfile profile = JurisdictionProfile.defaults(Jurisdiction.CN);
    private final List<Hold> holds = new ArrayList<>();
    private final List<Attempt> history = new ArrayList<>();

    private ContactCheck() {
    }

    public static ContactCheck aContactRequest() {
        return new ContactCheck();
    }

    public static Instant instant(String isoOffsetDateTime) {
        return OffsetDateTime.parse(isoOffsetDateTime).toInstant();
    }

    // ---- the request -----------------------------------------------------------------------------------------------

    public ContactCheck call() { channel = Channel.CALL; return this; }
    public ContactCheck sms() { channel = Channel.SMS; return this; }
    public ContactCheck email() { channel = Channel.EMAIL; return this; }
    public ContactCheck letter() { channel = Channel.LETTER; return this; }

    public ContactCheck visit(String... staffIds) {
        channel = Channel.VISIT;
        staff = List.of(staffIds);
        return this;
    }

    public ContactCheck at(String isoOffsetDateTime) { at = instant(isoOffsetDateTime); return this; }
    public ContactCheck at(Instant instant) { at = instant; return this; }
    public ContactCheck content(String text) { content = text; return this; }
    public ContactCheck purpose(Purpose value) { purpose = value; return this; }
    public ContactCheck onNumber(String id) { pointId = id; return this; }
    public ContactCheck forAccount(String id) { accountId = id; return this; }

    // ---- the profile -----------------------------------------------------------------------------------------------

    public ContactCheck under(Jurisdiction jurisdiction) {
        profile = JurisdictionProfile.defaults(jurisdiction);
        if (partyZone != null && partyZone.equals(ZoneId.of("Asia/Shanghai"))) {
            partyZone = jurisdiction.defaultZone();
        }
        return this;
    }

    public ContactCheck profile(JurisdictionProfile value) { profile = value; return this; }
    public ContactCheck overriding(Consumer<JurisdictionProfile.Builder> overrides) { profile = profile.withOverrides(overrides); return this; }

    // ---- the party -------------------------------------------------------------------------------------------------

    /** The contacted party is someone other than the borrower, with this role (party id = the role's name). */
    public ContactCheck to(PartyRole value) {
        role = value;
        partyId = value == PartyRole.BORROWER ? BORROWER : value.name();
        pointId = value == PartyRole.BORROWER ? "CP-1" : "CP-" + value.name();
        return this;
    }

    public ContactCheck partyZone(String zone) { partyZone = zone == null ? null : ZoneId.of(zone); return this; }
    public ContactCheck withoutPartyZone() { partyZone = null; return this; }
    public ContactCheck pointZone(String zone) { pointZone = ZoneId.of(zone); return this; }
    public ContactCheck withoutContactPoint() { noPoint = true; return this; }
    public ContactCheck invalidNumber() { pointValid = false; return this; }
    public ContactCheck withoutConsent() { pointConsent = false; return this; }
    public ContactCheck consentedWindow(String start, String end) { consentedWindow = TimeWindow.of(start, end); return this; }
    public ContactCheck partyDeceased() { partyDeceased = true; return this; }
    public ContactCheck bankrupt() { bankrupt = true; return this; }
    public ContactCheck incarcerated() { incarcerated = true; return this; }
    public ContactCheck refusedContact() { refusedContact = true; return this; }
    public ContactCheck estateRepresentative() { estateRepresentative = true; return this; }

    /** The account's borrower has died; when the borrower is the contacted party, they are marked deceased too. */
    public ContactCheck borrowerDeceased() { borrowerDeceased = true; return this; }
    public ContactCheck borrowerIncapacitated() { borrowerIncapacitated = true; return this; }
    public ContactCheck borrowerWithoutValidNumber() { borrowerHasValidNumber = false; return this; }

    public ContactCheck withHold(HoldType type, String from, String to) {
        holds.add(new Hold(type, instant(from), to == null ? null : instant(to), "test", "tester"));
        return this;
    }

    // ---- history ---------------------------------------------------------------------------------------------------

    /** A past attempt to the contacted party on the request's number and account. */
    public ContactCheck withAttempt(Channel ch, String when, Outcome outcome) {
        history.add(new Attempt(accountId, partyId, pointId, ch, instant(when), outcome));
        return this;
    }

    public ContactCheck withAttempt(Attempt attempt) {
        history.add(attempt);
        return this;
    }

    /** A past attempt to the borrower (whoever the request contacts). */
    public ContactCheck withBorrowerAttempt(Channel ch, String when, Outcome outcome) {
        history.add(new Attempt(accountId, BORROWER, "CP-1", ch, instant(when), outcome));
        return this;
    }

    public ContactRequest request() {
        return new ContactRequest(accountId, partyId, noPoint ? null : pointId, channel, at, content, staff, purpose);
    }

    public PartyFacts party() {
        boolean isBorrower = role == PartyRole.BORROWER;
        return new PartyFacts(partyId, role, partyZone, profile.jurisdiction(), partyDeceased || isBorrower && borrowerDeceased,
                bankrupt, incarcerated, consentedWindow, refusedContact, estateRepresentative,
                new BorrowerFacts(BORROWER, borrowerDeceased, borrowerIncapacitated || isBorrower && incarcerated,
                        borrowerHasValidNumber));
    }

    public ContactPointFacts point() {
        return noPoint ? null : new ContactPointFacts(pointId, "MOBILE", pointValid, pointConsent, pointZone);
    }

    public JurisdictionProfile profile() {
        return profile;
    }

    public ContactHistory history() {
        return new ContactHistory(history);
    }

    public Verdict evaluate() {
        return ContactPolicy.evaluate(request(), party(), point(), holds, history(), profile);
    }

    /** The same check at another instant (same history, holds and facts). */
    public Verdict evaluateAt(Instant instant) {
        at = instant;
        return evaluate();
    }
}
