package org.recoup.app.messaging;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.recoup.app.api.ApiProblem;
import org.recoup.app.compliance.GatedContacts;
import org.recoup.app.security.Actor;
import org.recoup.app.security.Role;
import org.recoup.engine.compliance.Channel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case's messages panel ({@code GET /ui/cases/{caseId}/messages}, loaded by the case page through htmx; opened
 * directly it is a page of its own) with its send form and preview, and the outbox page {@code /ui/outbox}.
 */
@Hidden
@Controller
class MessagesPage {

    private final MessageAccess access;
    private final MessageSending sending;
    private final Outbox outbox;
    private final MessageController api;

    MessagesPage(MessageAccess access, MessageSending sending, Outbox outbox, MessageController api) {
        this.access = access;
        this.sending = sending;
        this.outbox = outbox;
        this.api = api;
    }

    /** One contact point as the form offers it. */
    record PointOption(String id, String label, String type) {
    }

    @GetMapping("/ui/cases/{caseId}/messages")
    String panel(@PathVariable String caseId, @RequestParam(required = false) Channel channel,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Actor actor = access.actor();
        CaseFacts.CaseInfo info = access.caseFor(actor, caseId);
        fill(model, actor, info, channel == null ? Channel.SMS : channel);
        if (htmx == null) {
            model.addAttribute("nav", "queue");
            return "messaging/case-messages";
        }
        return "messaging/panel :: panel";
    }

    @PostMapping("/ui/cases/{caseId}/messages/preview")
    String preview(@PathVariable String caseId, @RequestParam Channel channel,
                   @RequestParam(required = false) String accountId, @RequestParam(required = false) String contactPointId,
                   @RequestParam(required = false) String templateId, Model model) {
        Actor actor = access.actor();
        CaseFacts.CaseInfo info = access.caseFor(actor, caseId);
        try {
            MessageSending.Preview p = sending.preview(info,
                    new MessageSending.SendRequest(accountId, contactPointId, channel, templateId));
            String masked = info.point(p.contactPointId()).map(pt -> MessageAccess.maskPoint(actor, pt)).orElse(null);
            model.addAttribute("preview", new MessageSending.Preview(p.accountId(), p.contactPointId(), p.channel(),
                    p.templateId(), p.locale(), masked, p.subject(), p.body(), p.unfilled()));
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
        }
        return "messaging/panel :: preview";
    }

    @PostMapping("/ui/cases/{caseId}/messages")
    String send(@PathVariable String caseId, @RequestParam Channel channel,
                @RequestParam(required = false) String accountId, @RequestParam(required = false) String contactPointId,
                @RequestParam(required = false) String templateId, @RequestParam String key, Model model) {
        Actor actor = access.actor();
        CaseFacts.CaseInfo info = access.caseFor(actor, caseId);
        try {
            MessageSending.Result result = sending.send(info,
                    new MessageSending.SendRequest(accountId, contactPointId, channel, templateId), key, actor.username());
            if (result.blocked() != null) {
                model.addAttribute("blocked", result.blocked());
            } else {
                model.addAttribute("sent", MessageAccess.masked(actor, result.message()));
            }
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
        }
        fill(model, actor, info, channel);
        if (model.getAttribute("blocked") != null || model.getAttribute("problem") != null) {
            model.addAttribute("selectedPoint", contactPointId);
            model.addAttribute("selectedTemplate", templateId);
            model.addAttribute("selectedAccount", accountId);
        }
        return "messaging/panel :: panel";
    }

    private void fill(Model model, Actor actor, CaseFacts.CaseInfo info, Channel channel) {
        String type = switch (channel) {
            case EMAIL -> "EMAIL";
            case LETTER -> "ADDRESS";
            default -> "MOBILE";
        };
        List<PointOption> points = info.points().stream().filter(p -> p.type().equals(type))
                .map(p -> new PointOption(p.contactPointId(), p.partyName() + " · " + p.role() + " · "
                        + MessageAccess.maskPoint(actor, p) + (p.valid() ? "" : " ✕"), p.type()))
                .toList();
        model.addAttribute("caseInfo", info);
        model.addAttribute("channel", channel);
        model.addAttribute("channels", List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER));
        model.addAttribute("points", points);
        String locale = "CN".equals(info.accounts().getFirst().jurisdiction()) ? "zh-CN" : "en";
        model.addAttribute("templates", sending.templatesFor(channel).stream() // the case's language first
                .sorted(java.util.Comparator.comparing((GatedContacts.MessageTemplate t) -> !locale.equals(t.locale())))
                .toList());
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("maySend", actor.role() != Role.COMPLIANCE);
        model.addAttribute("messages", outbox.list(new Outbox.Filter(null, null, info.caseId(), null, 100)).stream()
                .map(m -> MessageAccess.masked(actor, m)).toList());
    }

    @GetMapping("/ui/outbox")
    String outboxPage(@RequestParam(required = false) String status, @RequestParam(required = false) Channel channel,
                      Model model) {
        Actor actor = access.actor();
        String s = status == null || status.isBlank() ? null : status;
        if (s != null && !List.of("QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED", "BLOCKED").contains(s)) {
            s = null;
        }
        List<OutboxMessage> messages = outbox.list(new Outbox.Filter(s, channel, null, actor, 200)).stream()
                .map(m -> MessageAccess.masked(actor, m)).toList();
        model.addAttribute("nav", "outbox");
        model.addAttribute("zone", java.time.ZoneId.systemDefault());
        model.addAttribute("status", s);
        model.addAttribute("channel", channel);
        model.addAttribute("statuses", List.of("QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED", "BLOCKED"));
        model.addAttribute("channels", List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER));
        model.addAttribute("messages", messages);
        model.addAttribute("mayRecordReceipts", actor.role() != Role.COMPLIANCE && actor.role() != Role.AGENCY);
        model.addAttribute("simulated", outbox.simulated(messages.stream().map(OutboxMessage::messageId).toList()).stream()
                .map(x -> actor.seesContactValues() || x.recipient() == null ? x : new Outbox.Simulated(x.messageId(),
                        x.channel(), MessageAccess.mask(Channel.valueOf(x.channel()), x.recipient()), x.subject(), x.body(),
                        x.providerId(), x.sentAt()))
                .toList());
        return "messaging/outbox";
    }

    @PostMapping("/ui/outbox/{messageId}/receipt")
    String receipt(@PathVariable String messageId, @RequestParam String reference, @RequestParam String deliveredOn,
                   Model model) {
        Actor actor = access.actor();
        OutboxMessage m = access.message(actor, messageId);
        try {
            if (reference.isBlank()) {
                throw ApiProblem.badRequest("REQUIRED", "reference", "reference is required");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(deliveredOn);
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiProblem.badRequest("INVALID_DATE", "deliveredOn", "deliveredOn must be a date (YYYY-MM-DD)");
            }
            m = MessageAccess.masked(actor, api.recordReceipt(m, reference.strip(), date, actor.username()));
        } catch (ApiProblem problem) {
            model.addAttribute("problem", problem);
        }
        model.addAttribute("m", m);
        model.addAttribute("mayRecordReceipts", true);
        return "messaging/outbox :: receipt";
    }
}
