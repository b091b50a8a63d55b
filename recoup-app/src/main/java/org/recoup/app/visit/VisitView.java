package org.recoup.app.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A field visit as the API shows it; {@code report} is null until it is reported. */
public record VisitView(String visitId, String caseId, String accountId, String partyId, String contactPointId,
                        String address, String city, String district, Double lat, Double lon, String source,
                        LocalDate runAsOf, String reason, String status, String requestedBy, Instant requestedAt,
                        String decidedBy, Instant decidedAt, String decisionNote, String team, Instant scheduledAt,
                        LocalDate visitDay, List<String> staff, Report report) {

    /** What the staff found. */
    public record Report(String met, String metPartyId, String metDescription, String outcome, String promiseId,
                         String contactId, String note, Instant visitedAt, String reportedBy, Instant reportedAt,
                         boolean cashCollected, List<Evidence> evidence) {
    }

    /** A photo or recording referenced by its SHA-256 (and, when uploaded, the document that holds it). */
    public record Evidence(String sha256, String name, String kind, String documentId) {
    }
}
