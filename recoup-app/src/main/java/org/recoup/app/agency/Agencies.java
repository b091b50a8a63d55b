package org.recoup.app.agency;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.engine.agency.Contract;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agencies and their contracts. A contract change adds a version; versions are never edited. */
@Service
public class Agencies {

    /** An agency as stored and shown. */
    public record Agency(String agencyId, String name, String contact, Boolean active) {
        public Agency {
            active = active == null || active;
        }
    }

    /** A new contract version: rates in percent by bucket at placement, default for other buckets. */
    public record ContractRequest(LocalDate validFrom, LocalDate validTo, Map<String, BigDecimal> ratesByBucket,
                                  BigDecimal defaultRate) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Agencies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Agency> list() {
        return jdbc.sql("SELECT agency_id, name, contact, active FROM agency ORDER BY agency_id")
                .query((rs, i) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    public Agency find(String agencyId) {
        return jdbc.sql("SELECT agency_id, name, contact, active FROM agency WHERE agency_id = ?").param(agencyId)
                .query((rs, i) -> new Agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional().orElseThrow(() -> ApiProblem.notFound("agency", agencyId));
    }

    @Transactional
    public Agency create(Agency a, String user) {
        validate(a);
        try {
            jdbc.sql("INSERT INTO agency (agency_id, name, contact, active, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(a.agencyId().strip(), a.name().strip(), a.contact(), a.active(),
                            Timestamp.from(clock.instant()), user).update();
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "AGENCY_EXISTS", "agencyId", "agency " + a.agencyId()
                    + " exists already");
        }
        return find(a.agencyId().strip());
    }

    @Transactional
    public Agency update(String agencyId, Agency a) {
        find(agencyId);
        if (a.name() == null || a.name().isBlank()) {
            throw ApiProblem.badRequest("INVALID_AGENCY", "name", "name is required");
        }
        jdbc.sql("UPDATE agency SET name = ?, contact = ?, active = ? WHERE agency_id = ?")
                .params(a.name().strip(), a.contact(), a.active(), agencyId).update();
        return find(agencyId);
    }

    private static void validate(Agency a) {
        if (a.agencyId() == null || !a.agencyId().strip().matches("[A-Za-z0-9_-]{1,64}")) {
            throw ApiProblem.badRequest("INVALID_AGENCY", "agencyId",
                    "agencyId is required: 1 to 64 letters, digits, '-' or '_' (e.g. AG-1)");
        }
        if (a.name() == null || a.name().isBlank() || a.name().length() > 200) {
            throw ApiProblem.badRequest("INVALID_AGENCY", "name", "name is required (at most 200 characters)");
        }
    }

    /** Stores the next contract version of the agency. */
    @Transactional
    public Contract addContract(String agencyId, ContractRequest request, String user) {
        find(agencyId);
        if (request == null || request.validFrom() == null) {
            throw ApiProblem.badRequest("INVALID_CONTRACT", "validFrom", "validFrom is required");
        }
        int next = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM agency_contract WHERE agency_id = ?")
                .param(agencyId).query(Integer.class).single();
        Contract contract;
        try {
            contract = new Contract(agencyId, next, request.validFrom(), request.validTo(), request.ratesByBucket(),
                    request.defaultRate());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("ratesByBucket") ? "ratesByBucket"
                    : e.getMessage().startsWith("defaultRate") ? "defaultRate" : "validTo";
            throw ApiProblem.badRequest("INVALID_CONTRACT", field, e.getMessage());
        }
        if (contract.ratesByBucket().isEmpty() && contract.defaultRate() == null) {
            throw ApiProblem.badRequest("INVALID_CONTRACT", "ratesByBucket", "name at least one rate or a defaultRate");
        }
        try {
            jdbc.sql("INSERT INTO agency_contract (agency_id, version, valid_from, valid_to, default_rate, created_at, "
                            + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(agencyId, next, contract.validFrom(), contract.validTo(), contract.defaultRate(),
                            Timestamp.from(clock.instant()), user).update();
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", null,
                    "another contract version was saved at the same time; reload and try again");
        }
        contract.ratesByBucket().forEach((bucket, rate) -> jdbc.sql(
                        "INSERT INTO agency_contract_rate (agency_id, version, bucket, rate_percent) VALUES (?, ?, ?, ?)")
                .params(agencyId, next, bucket, rate).update());
        return contract;
    }

    /** Every contract version of the agency, oldest first. */
    public List<Contract> contracts(String agencyId) {
        Map<Integer, Map<String, BigDecimal>> rates = new LinkedHashMap<>();
        jdbc.sql("SELECT version, bucket, rate_percent FROM agency_contract_rate WHERE agency_id = ?").param(agencyId)
                .query(rs -> {
                    rates.computeIfAbsent(rs.getInt(1), v -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros());
                });
        List<Contract> out = new ArrayList<>();
        jdbc.sql("SELECT version, valid_from, valid_to, default_rate FROM agency_contract WHERE agency_id = ? "
                        + "ORDER BY version").param(agencyId)
                .query(rs -> {
                    BigDecimal def = rs.getBigDecimal(4);
                    out.add(new Contract(agencyId, rs.getInt(1), rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rates.getOrDefault(rs.getInt(1), Map.of()),
                            def == null ? null : def.stripTrailingZeros()));
                });
        return out;
    }
}
