package org.recoup.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recoup.engine.compliance.Channel;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP adapter against GreenMail, an in-process SMTP server. */
class SmtpGatewayTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static SmtpGateway gateway(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        return new SmtpGateway(sender, "collections@recoup.example");
    }

    @Test
    void anEmailArrivesWithItsChineseSubjectAndText() throws Exception {
        MessageGateway.Delivery d = gateway(SMTP.getSmtp().getPort()).send(new MessageGateway.OutgoingMessage("M-7",
                Channel.EMAIL, "zhang.san@example.com", "关于您的账户", "张三您好,请按时还款。", null));

        assertThat(d.result()).isEqualTo(MessageGateway.Delivery.Result.SENT);
        assertThat(d.providerId()).isEqualTo("<M-7@recoup>");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("关于您的账户");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("zhang.san@example.com");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("collections@recoup.example");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getContent().toString()).contains("张三您好,请按时还款。");
        assertThat(received[0].getHeader("X-Recoup-Message-Id")[0]).isEqualTo("M-7");
    }

    @Test
    void aMalformedAddressFailsForGood() {
        MessageGateway.Delivery d = gateway(SMTP.getSmtp().getPort()).send(new MessageGateway.OutgoingMessage("M-8",
                Channel.EMAIL, "not an address", "s", "t", null));

        assertThat(d.result()).isEqualTo(MessageGateway.Delivery.Result.FAILED);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatCannotBeReachedIsRetried() {
        MessageGateway.Delivery d = gateway(1).send(new MessageGateway.OutgoingMessage("M-9", Channel.EMAIL,
                "zhang.san@example.com", "s", "t", null));

        assertThat(d.result()).isEqualTo(MessageGateway.Delivery.Result.RETRY);
    }
}
