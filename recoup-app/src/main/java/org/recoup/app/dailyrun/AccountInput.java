package org.recoup.app.dailyrun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.recoup.app.portfolio.AccountSnapshot;

/**
 * One account as a daily run reads it: the debt file snapshot plus the facts segmentation needs, all read by
 * merge-joined cursors of one id range.
 *
 * @param borrower the borrower party (the first by id when several); null when the account has none
 * @param contacts contact attempts on the account in the trailing window, oldest first
 * @param points   the borrower's contact points, by id
 */
record AccountInput(AccountSnapshot snapshot, Borrower borrower, List<Contact> contacts, List<Point> points) {

    String accountId() {
        return snapshot.account().id();
    }

    /** The borrower: whose case this account belongs to. */
    record Borrower(String partyId, LocalDate birthDate, String occupation, boolean deceased, boolean bankrupt,
                    boolean incarcerated, String timeZone) {
    }

    /** A past contact attempt: its outcome (contract §5) and the agent's disposition (null when none). */
    record Contact(Instant at, String channel, String outcome, String disposition) {
    }

    /** A contact point of the borrower. */
    record Point(String id, String type, boolean consent, boolean valid) {
    }
}
