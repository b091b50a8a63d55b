package org.recoup.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.recoup.engine.compliance.Channel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP SMS adapter against a local provider stub: what it posts, and how it reads each kind of answer. */
class HttpSmsGatewayTest {

    private static final MessageGateway.OutgoingMessage SMS = new MessageGateway.OutgoingMessage("M-1", Channel.SMS,
            "+8613900001234", null, "张三您好,\"请\"按时还款。", null);

    @Test
    void aSuccessIsSentWithTheProvidersId_andTheBodyIsValidJsonWithTheTextEscaped() throws Exception {
        try (SmsStub stub = new SmsStub(200)) {
            MessageGateway.Delivery d = new HttpSmsGateway(stub.config()).send(SMS);

            assertThat(d.result()).isEqualTo(MessageGateway.Delivery.Result.SENT);
            assertThat(d.providerId()).isEqualTo("prov-1");
            JsonNode body = JsonMapper.builder().build().readTree(stub.received.getFirst().body());
            assertThat(body.get("to").asString()).isEqualTo("+8613900001234");
            assertThat(body.get("text").asString()).isEqualTo("张三您好,\"请\"按时还款。");
            assertThat(body.get("reference").asString()).isEqualTo("M-1");
            assertThat(stub.received.getFirst().authorization()).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("recoup:s3cret".getBytes(StandardCharsets.UTF_8)));
            assertThat(stub.received.getFirst().idempotencyKey()).isEqualTo("M-1");
        }
    }

    @Test
    void a4xxIsAPermanentFailure() throws Exception {
        try (SmsStub stub = new SmsStub(400)) {
            MessageGateway.Delivery d = new HttpSmsGateway(stub.config()).send(SMS);

            assertThat(d.result()).isEqualTo(MessageGateway.Delivery.Result.FAILED);
            assertThat(d.error()).contains("400");
        }
    }

    @Test
    void a5xxA429AndNoAnswerAreRetried() throws Exception {
        try (SmsStub stub = new SmsStub(503, 429, 200)) {
            HttpSmsGateway gateway = new HttpSmsGateway(stub.config());

            assertThat(gateway.send(SMS).result()).isEqualTo(MessageGateway.Delivery.Result.RETRY);
            assertThat(gateway.send(SMS).result()).isEqualTo(MessageGateway.Delivery.Result.RETRY);
            assertThat(gateway.send(SMS).result()).isEqualTo(MessageGateway.Delivery.Result.SENT);
        }
        MessagingProperties.HttpSms closed = new MessagingProperties.HttpSms();
        closed.setUrl(java.net.URI.create("http://127.0.0.1:1/sms"));
        assertThat(new HttpSmsGateway(closed).send(SMS).result()).isEqualTo(MessageGateway.Delivery.Result.RETRY);
    }

    @Test
    void aBearerTokenAndACustomBodyTemplateAreUsedAsConfigured() throws Exception {
        try (SmsStub stub = new SmsStub(202)) {
            MessagingProperties.HttpSms config = stub.config();
            config.setBearerToken("tok-1");
            config.setBodyTemplate("{\"mobile\":{to},\"content\":{text}}");

            new HttpSmsGateway(config).send(SMS);

            assertThat(stub.received.getFirst().authorization()).isEqualTo("Bearer tok-1");
            assertThat(stub.received.getFirst().body()).startsWith("{\"mobile\":\"+8613900001234\",\"content\":");
        }
    }
}
