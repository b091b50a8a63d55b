package org.recoup.app.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.compliance.GatedContacts;
import org.recoup.app.compliance.GatedContacts.MessageTemplate;
import org.recoup.engine.compliance.Channel;
import org.recoup.engine.compliance.Purpose;
import org.recoup.engine.compliance.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sending a message from a case: resolve the account, contact point and template, fill the template with the case's
 * data (the preview), then — in one transaction that locks the account row — pass the compliance gate, record the
 * contact attempt and write the outbox row (and a letter's PDF). Blocked: only the verdict is stored. A client key
 * makes it idempotent: the same key and request answer with the original message; the same key with another request
 * is refused. Daily-run actions take the same path with a key derived from (business date, case, action).
 */
@Service
class MessageSending {

    private static final Logger log = LoggerFactory.getLogger(MessageSending.class);
    private static final int RETRIES = 30;

    /** What to send: which account the message is about, to which contact point, on which channel, which template. */
    record SendRequest(String accountId, String contactPointId, Channel channel, String templateId) {
    }

    /** A filled template, before anything is sent. */
    record Preview(String accountId, String contactPointId, Channel channel, String templateId, String locale,
                   String recipient, String subject, String body, List<String> unfilled) {
    }

    /** The outcome: the message (created now or earlier), or the gate's blocking verdict. */
    record Result(OutboxMessage message, boolean created, Verdict blocked, String verdictId) {
    }

    /** Everything resolved for one message. */
    private record Resolved(CaseFacts.CaseInfo info, CaseFacts.Account account, CaseFacts.Point point, Channel channel,
                            MessageTemplate template, MessageComposer.Composed composed) {
    }

    private final CaseFacts cases;
    private final MessageComposer composer;
    private final GatedContacts gate;
    private final Outbox outbox;
    private final LetterRenderer letters;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MessageSending(CaseFacts cases, MessageComposer composer, GatedContacts gate, Outbox outbox, LetterRenderer letters,
                   JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
        this.cases = cases;
        this.composer = composer;
        this.gate = gate;
        this.outbox = outbox;
        this.letters = letters;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Templates that may be sent on {@code channel} (an SMS text may also go by e-mail). */
    List<MessageTemplate> templatesFor(Channel channel) {
        return gate.templates().stream().filter(t -> fits(t, channel)).toList();
    }

    Preview preview(CaseFacts.CaseInfo info, SendRequest request) {
        Resolved r = resolve(info, request);
        return new Preview(r.account().accountId(), r.point().contactPointId(), r.channel(), r.template().id(),
                r.composed().locale(), r.point().value(), r.composed().subject(), r.composed().body(),
                r.composed().unfilled());
    }

    Result send(CaseFacts.CaseInfo info, SendRequest request, String clientKey, String username) {
        if (clientKey == null || clientKey.isBlank() || clientKey.length() > 100) {
            throw ApiProblem.badRequest("IDEMPOTENCY_KEY_REQUIRED", "Idempotency-Key",
                    "send the header Idempotency-Key (1–100 characters, new for each message) so that a retry cannot send twice");
        }
        Resolved r = resolve(info, request);
        String hash = fingerprint(info.caseId(), r.account().accountId(), r.point().contactPointId(), r.channel().name(),
                r.template().id());
        Optional<Outbox.Keyed> earlier = outbox.byClientKey(clientKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        requireFilled(r);
        String messageId = "M-" + UUID.randomUUID();
        byte[] pdf = r.channel() == Channel.LETTER ? renderLetter(messageId, r) : null;
        Purpose purpose = Purpose.COLLECTION;
        try {
            return inTransaction(() -> {
                lockAccount(r.account().accountId());
                Optional<Outbox.Keyed> concurrent = outbox.byClientKey(clientKey);
                if (concurrent.isPresent()) {
                    return replay(concurrent.get(), hash);
                }
                return write(r, messageId, clientKey, hash, purpose, "AGENT", null, null, username, pdf);
            });
        } catch (DuplicateKeyException sameKeyAtOnce) {
            return replay(outbox.byClientKey(clientKey).orElseThrow(() -> sameKeyAtOnce), hash);
        }
    }

    /**
     * A daily-run OUTBOX action into the outbox, at most once per (business date, case, action): allowed by the gate
     * now → QUEUED with its contact attempt; blocked now, or not sendable (template missing, placeholders unfilled,
     * contact point gone) → a BLOCKED row saying why, nothing sent. Answers false when it was already in the outbox.
     */
    boolean enqueueRunAction(RunActions.Planned a) {
        String messageId = "M-R" + fingerprint(a.asOf().toString(), a.caseId(), a.action()).substring(0, 34);
        Instant now = clock.instant();
        Optional<CaseFacts.CaseInfo> info = cases.load(a.caseId());
        String problem = null;
        Resolved r = null;
        if (info.isEmpty()) {
            problem = "NOT_A_CASE: " + a.caseId() + " has no borrower to write to";
        } else {
            Optional<MessageTemplate> template = runTemplate(a.template(), info.get(), a.accountId());
            if (template.isEmpty()) {
                problem = "TEMPLATE_MISSING: no stored message template for the strategy's template '" + a.template()
                        + "' (add one, or an alias in the messaging settings)";
            } else {
                try {
                    r = resolve(info.get(), new SendRequest(a.accountId(), a.contactPointId(), a.channel(),
                            template.get().id()));
                    if (!r.composed().unfilled().isEmpty()) {
                        problem = "UNFILLED_PLACEHOLDERS: " + String.join(", ", r.composed().unfilled());
                    }
                } catch (ApiProblem unusable) {
                    problem = unusable.code() + ": " + unusable.getMessage();
                }
            }
        }
        try {
            if (problem != null) {
                String reason = problem;
                String party = info.map(CaseFacts.CaseInfo::borrowerId).orElse(a.partyId() == null ? "" : a.partyId());
                inTransaction(() -> {
                    outbox.insert(new Outbox.NewMessage(messageId, null, null, a.caseId(), a.accountId(), party,
                            a.contactPointId(), a.channel(), a.template(), null, null, null, "", null, null, "RUN",
                            a.asOf(), a.action(), "BLOCKED", null, reason, RunActions.USER, now));
                    return null;
                });
                return true;
            }
            Resolved resolved = r;
            byte[] pdf = resolved.channel() == Channel.LETTER ? renderLetter(messageId, resolved) : null;
            Purpose purpose = "ptp-reminder".equals(a.template()) ? Purpose.PTP_REMINDER : Purpose.COLLECTION;
            return inTransaction(() -> {
                lockAccount(resolved.account().accountId());
                if (outbox.find(messageId).isPresent()) { // another dispatcher took it in meanwhile
                    return false;
                }
                write(resolved, messageId, null, null, purpose, "RUN", a.asOf(), a.action(), RunActions.USER, pdf);
                return true;
            });
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    private Result write(Resolved r, String messageId, String clientKey, String hash, Purpose purpose, String source,
                         LocalDate runAsOf, String runAction, String username, byte[] pdf) {
        Instant now = clock.instant();
        GatedContacts.Result verdict = gate.record(new GatedContacts.Contact(messageId, r.account().accountId(),
                r.point().partyId(), r.point().contactPointId(), r.channel(), now, r.composed().body(), purpose,
                r.template().id()), username);
        if (!verdict.recorded()) {
            if ("RUN".equals(source)) {
                outbox.insert(new Outbox.NewMessage(messageId, null, null, r.info().caseId(), r.account().accountId(),
                        r.point().partyId(), r.point().contactPointId(), r.channel(), r.template().id(),
                        r.composed().locale(), r.point().value(), r.composed().subject(), r.composed().body(), null,
                        verdict.verdictId(), source, runAsOf, runAction, "BLOCKED", verdict.verdict().nextAllowedAt(),
                        reasons(verdict.verdict()), username, now));
            }
            return new Result(null, false, verdict.verdict(), verdict.verdictId());
        }
        outbox.insert(new Outbox.NewMessage(messageId, clientKey, hash, r.info().caseId(), r.account().accountId(),
                r.point().partyId(), r.point().contactPointId(), r.channel(), r.template().id(), r.composed().locale(),
                r.point().value(), r.composed().subject(), r.composed().body(), messageId, verdict.verdictId(), source,
                runAsOf, runAction, "QUEUED", now, null, username, now));
        if (pdf != null) {
            outbox.insertLetter(messageId, pdf, sha256(pdf), now);
        }
        return new Result(outbox.find(messageId).orElseThrow(), true, null, verdict.verdictId());
    }

    private Result replay(Outbox.Keyed earlier, String hash) {
        if (!hash.equals(earlier.requestHash())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key", "this key was used for "
                    + "message " + earlier.messageId() + " with another request; use a new key for a new message");
        }
        return new Result(outbox.find(earlier.messageId()).orElseThrow(), false, null, null);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (TransientDataAccessException | UnexpectedRollbackException busy) {
                if (attempt >= RETRIES) {
                    throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "GATE_BUSY", null,
                            "too many concurrent contacts for this account; retry shortly");
                }
                log.debug("message transaction retried ({}): {}", attempt, busy.getMessage());
                try {
                    Thread.sleep(Math.min(5L * attempt, 50L) + java.util.concurrent.ThreadLocalRandom.current().nextInt(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending a message", e);
                }
            }
        }
    }

    private void lockAccount(String accountId) {
        jdbc.sql("SELECT account_id FROM account WHERE account_id = ? FOR UPDATE").param(accountId).query(String.class)
                .optional();
    }

    private Resolved resolve(CaseFacts.CaseInfo info, SendRequest request) {
        if (request.channel() == null) {
            throw ApiProblem.badRequest("REQUIRED", "channel", "channel is required: SMS, EMAIL or LETTER");
        }
        Channel channel = request.channel();
        if (channel != Channel.SMS && channel != Channel.EMAIL && channel != Channel.LETTER) {
            throw ApiProblem.badRequest("INVALID_CHANNEL", "channel", "messages go by SMS, EMAIL or LETTER, not " + channel);
        }
        CaseFacts.Account account = request.accountId() == null || request.accountId().isBlank()
                ? info.accounts().getFirst()
                : info.account(request.accountId()).orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                "UNKNOWN_ACCOUNT", "accountId", "account " + request.accountId() + " is not an account of case " + info.caseId()));
        if (request.contactPointId() == null || request.contactPointId().isBlank()) {
            throw ApiProblem.badRequest("REQUIRED", "contactPointId", "contactPointId is required");
        }
        CaseFacts.Point point = info.point(request.contactPointId()).orElseThrow(() -> new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_CONTACT_POINT", "contactPointId", "contact point "
                + request.contactPointId() + " does not belong to a party of case " + info.caseId()));
        String type = switch (channel) {
            case SMS -> "MOBILE";
            case EMAIL -> "EMAIL";
            default -> "ADDRESS";
        };
        if (!type.equals(point.type())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "CONTACT_POINT_CHANNEL", "contactPointId",
                    "contact point " + point.contactPointId() + " is a " + point.type() + "; " + channel + " needs a " + type);
        }
        if (request.templateId() == null || request.templateId().isBlank()) {
            throw ApiProblem.badRequest("REQUIRED", "templateId", "templateId is required");
        }
        MessageTemplate template = gate.template(request.templateId()).orElseThrow(() -> new ApiProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_TEMPLATE", "templateId", "template " + request.templateId()
                + " does not exist"));
        if (!fits(template, channel)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "TEMPLATE_CHANNEL", "templateId", "template "
                    + template.id() + " is written for " + template.channel() + ", not " + channel);
        }
        return new Resolved(info, account, point, channel, template,
                composer.compose(info, account, point, template, channel));
    }

    private Optional<MessageTemplate> runTemplate(String name, CaseFacts.CaseInfo info, String accountId) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String base = composer.alias(name);
        String locale = info.account(accountId).map(a -> "CN".equals(a.jurisdiction()) ? "zh-CN" : "en").orElse("zh-CN");
        for (String id : new String[] {name, name + "." + locale, base, base + "." + locale}) {
            Optional<MessageTemplate> t = gate.template(id);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    private static boolean fits(MessageTemplate t, Channel channel) {
        return t.channel() == null || t.channel() == channel || (channel == Channel.EMAIL && t.channel() == Channel.SMS);
    }

    private static void requireFilled(Resolved r) {
        if (!r.composed().unfilled().isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "UNFILLED_PLACEHOLDERS", "templateId", "template "
                    + r.template().id() + " needs values this case does not have: " + r.composed().unfilled().stream()
                    .map(p -> "{" + p + "}").collect(Collectors.joining(", ")));
        }
    }

    private byte[] renderLetter(String messageId, Resolved r) {
        CaseFacts.Account account = r.account();
        return letters.render(new LetterRenderer.Letter(messageId, r.template().id(), r.composed().locale(),
                r.composed().subject(), r.point().partyName(), r.point().value(),
                composer.creditor(account, r.composed().locale()),
                MessageComposer.date(r.composed().issueDate(), r.composed().locale().startsWith("zh")),
                LetterRenderer.paragraphs(r.composed().body())));
    }

    static String reasons(Verdict v) {
        String text = v.reasons().stream().map(x -> x.code() + ": " + x.message()).collect(Collectors.joining("; "));
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    static String fingerprint(String... parts) {
        return sha256(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
