package org.recoup.engine.assignment;

import java.util.Objects;
import java.util.Set;

/** A case waiting in a team pool: the debtor's language (null when unknown) and the products of its accounts. */
public record CaseToPlace(String caseId, String language, Set<String> products) {

    public CaseToPlace {
        Objects.requireNonNull(caseId, "caseId");
        products = Set.copyOf(products);
    }
}
