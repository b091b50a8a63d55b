package org.recoup.app.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through an SMTP server with Spring's {@link JavaMailSender} ({@code spring.mail.host}, {@code port},
 * {@code username}, {@code password}). A malformed address or a message that cannot be built → FAILED; a server that
 * cannot be reached or refuses for now → RETRY.
 */
class SmtpGateway implements MessageGateway {

    private final JavaMailSender mail;
    private final String from;

    SmtpGateway(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public Delivery send(OutgoingMessage m) {
        MimeMessage message = mail.createMimeMessage();
        String messageId = "<" + m.messageId() + "@recoup>";
        try {
            new InternetAddress(m.recipient(), true);
            MimeMessageHelper helper = new MimeMessageHelper(message, m.pdf() != null, "UTF-8");
            helper.setFrom(from);
            helper.setTo(m.recipient());
            helper.setSubject(m.subject() == null ? "" : m.subject());
            helper.setText(m.body(), false);
            if (m.pdf() != null) {
                helper.addAttachment(m.messageId() + ".pdf", new org.springframework.core.io.ByteArrayResource(m.pdf()),
                        "application/pdf");
            }
            message.setHeader("X-Recoup-Message-Id", m.messageId());
        } catch (AddressException e) {
            return Delivery.failed("invalid e-mail address: " + e.getMessage());
        } catch (MessagingException e) {
            return Delivery.failed("the e-mail could not be built: " + e.getMessage());
        }
        try {
            mail.send(message);
            return Delivery.sent(messageId);
        } catch (MailParseException | MailPreparationException e) {
            return Delivery.failed("the e-mail could not be built: " + e.getMessage());
        } catch (MailAuthenticationException e) {
            return Delivery.retry("SMTP authentication failed: " + e.getMessage());
        } catch (MailException e) {
            return Delivery.retry("SMTP server did not take the e-mail: " + e.getMessage());
        }
    }
}
