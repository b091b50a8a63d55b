package org.recoup.app.writeoff;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.export.Table;
import org.recoup.app.export.TableExports;
import org.recoup.app.security.Actor;
import org.recoup.app.security.CaseScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Write-offs (charge-offs), recoveries, debt sales with their file, buybacks. Supervisors and administrators. */
@RestController
@Tag(name = "Write-off and debt sale")
class WriteOffController {

    private final WriteOffs writeOffs;
    private final DebtSales sales;
    private final WriteOffPolicy policy;
    private final CaseScope scope;

    WriteOffController(WriteOffs writeOffs, DebtSales sales, WriteOffPolicy policy, CaseScope scope) {
        this.writeOffs = writeOffs;
        this.sales = sales;
        this.policy = policy;
        this.scope = scope;
    }

    @PostMapping(path = "/api/v1/write-offs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Charge an account off",
            description = "Body {accountId, reasonCode, chargedOffOn, note?}; reasonCode from the write-off policy. The "
                    + "balance written off is the latest state's outstanding principal + overdue interest, fees and "
                    + "penalty on or before chargedOffOn. 409 when the account is charged off already (one per account).")
    WriteOffs.ChargeOff chargeOff(@RequestBody WriteOffs.ChargeOffRequest request) {
        return writeOffs.chargeOff(actor(), request);
    }

    @GetMapping("/api/v1/write-offs")
    @Operation(summary = "Charged-off accounts with recoveries since", description = "JSON rows or ?format=xlsx|csv.")
    ResponseEntity<?> chargeOffs(@RequestParam(required = false) String format, Locale locale) {
        return answer(writeOffs.chargeOffs(locale), format, "write-offs");
    }

    @GetMapping("/api/v1/write-offs/recoveries")
    @Operation(summary = "Recoveries: payments on charged-off accounts dated after the charge-off date",
            description = "from/to (dates, inclusive, in the policy's zone). JSON rows or ?format=xlsx|csv.")
    ResponseEntity<?> recoveries(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                 @RequestParam(required = false) String format, Locale locale) {
        if (to.isBefore(from)) {
            throw ApiProblem.badRequest("INVALID_PERIOD", "to", "to is before from");
        }
        return answer(writeOffs.recoveries(from, to, locale), format, "recoveries-" + from + "-" + to);
    }

    @GetMapping("/api/v1/write-offs/{accountId}")
    @Operation(summary = "The charge-off of one account")
    WriteOffs.ChargeOff chargeOff(@PathVariable String accountId) {
        return writeOffs.find(accountId);
    }

    @GetMapping("/api/v1/config/write-off-policy")
    @Operation(summary = "The write-off policy in force (reason codes, zone)")
    WriteOffPolicy.Config currentPolicy() {
        return policy.current();
    }

    @PutMapping(path = "/api/v1/config/write-off-policy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Store a new version of the write-off policy",
            description = "Validated on save: zone is a time zone; reason codes unique, upper case.")
    WriteOffPolicy.Config savePolicy(@RequestBody String document, Principal principal) {
        return policy.save(document, principal.getName());
    }

    @PostMapping(path = "/api/v1/debt-sales", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Select a pool for a debt sale (DRAFT)",
            description = "Body {saleId?, buyer, asOf, filters: {currency, buckets?, minDpd?, maxDpd?, products?, "
                    + "portfolios?, minBalanceMinor?, maxBalanceMinor?, chargedOffOnly?, accountIds?}}: the accounts "
                    + "with a state of asOf matching every filter and in no other live sale.")
    DebtSales.Sale create(@RequestBody DebtSales.SaleRequest request) {
        return sales.create(actor(), request);
    }

    @GetMapping("/api/v1/debt-sales")
    @Operation(summary = "Debt sales", description = "JSON or ?format=xlsx|csv.")
    ResponseEntity<?> list(@RequestParam(required = false) String format, Locale locale) {
        if (format == null) {
            return ResponseEntity.ok(sales.list().stream().map(s -> new DebtSales.Sale(s.saleId(), s.buyer(), s.status(),
                    s.asOf(), s.currency(), s.priceMinor(), s.soldOn(), s.soldBy(), s.createdBy(), s.accounts(),
                    s.balanceMinor(), List.of())).toList());
        }
        return answer(sales.salesTable(locale), format, "debt-sales");
    }

    @GetMapping("/api/v1/debt-sales/{saleId}")
    @Operation(summary = "One debt sale with its pool")
    DebtSales.Sale one(@PathVariable String saleId) {
        return sales.find(saleId);
    }

    @DeleteMapping("/api/v1/debt-sales/{saleId}/accounts/{accountId}")
    @Operation(summary = "Take an account out of a DRAFT pool (review)")
    DebtSales.Sale exclude(@PathVariable String saleId, @PathVariable String accountId) {
        return sales.exclude(actor(), saleId, accountId);
    }

    @PostMapping(path = "/api/v1/debt-sales/{saleId}/sell", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sell the pool to the buyer at a price",
            description = "Body {price (major units), soldOn}. DRAFT → SOLD; the accounts are closed for collection "
                    + "(the run's actions for their cases are dropped). 409 when the sale is not DRAFT.")
    DebtSales.Sale sell(@PathVariable String saleId, @RequestBody DebtSales.SellRequest request) {
        return sales.sell(actor(), saleId, request);
    }

    @PostMapping("/api/v1/debt-sales/{saleId}/cancel")
    @Operation(summary = "Cancel a DRAFT sale (its accounts are free again)")
    DebtSales.Sale cancel(@PathVariable String saleId) {
        return sales.cancel(actor(), saleId);
    }

    @GetMapping("/api/v1/debt-sales/{saleId}/file")
    @Operation(summary = "The sale file for the buyer",
            description = "?format=csv (default) or xlsx: per account the balances and the debtor data needed to collect.")
    ResponseEntity<byte[]> file(@PathVariable String saleId, @RequestParam(defaultValue = "csv") String format,
                                Locale locale) {
        TableExports.Format f = TableExports.Format.of(format);
        return TableExports.download(f, "debt-sale-" + saleId, sales.saleFile(saleId, locale));
    }

    @PostMapping(path = "/api/v1/debt-sales/{saleId}/accounts/{accountId}/buyback",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Buy one sold account back", description = "Body {reason, boughtBackOn}: the account reopens "
            + "for collection.")
    DebtSales.Sale buyback(@PathVariable String saleId, @PathVariable String accountId,
                           @RequestBody DebtSales.BuybackRequest request) {
        return sales.buyback(actor(), saleId, accountId, request);
    }

    static ResponseEntity<?> answer(Table table, String format, String fileBase) {
        if (format != null) {
            return TableExports.download(TableExports.Format.of(format), fileBase, table);
        }
        return ResponseEntity.ok(table.rows().stream().map(row -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                m.put(table.columns().get(i).key(), row.get(i));
            }
            return m;
        }).toList());
    }

    private Actor actor() {
        return scope.current().orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", null,
                "the signed-in user is not a Recoup user"));
    }
}
