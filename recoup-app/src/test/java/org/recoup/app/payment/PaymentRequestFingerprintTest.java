package org.recoup.app.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PaymentRequestFingerprintTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String fingerprintOf(String json) {
        return JSON.readValue(json, PaymentRequest.class).fingerprint();
    }

    private static final String ORIGINAL = """
            {"accountId":"L-1","paidAt":"2026-11-23T10:00:00+08:00","amount":1060.50,"channel":"WECHAT","reference":"R-9"}""";

    @Test
    void fieldOrderAndWhitespaceDoNotChangeTheFingerprint() {
        String reordered = """
                {
                  "reference" : "R-9",
                  "channel"   : "WECHAT",
                  "amount"    : 1060.50,
                  "paidAt"    : "2026-11-23T10:00:00+08:00",
                  "accountId" : "L-1"
                }""";
        assertThat(fingerprintOf(reordered)).isEqualTo(fingerprintOf(ORIGINAL));
    }

    @Test
    void theSameInstantWithAnotherOffsetIsTheSameRequest() {
        assertThat(fingerprintOf(ORIGINAL.replace("2026-11-23T10:00:00+08:00", "2026-11-23T02:00:00Z")))
                .isEqualTo(fingerprintOf(ORIGINAL));
    }

    @Test
    void trailingZerosAndNumberSpellingOfTheAmountDoNotMatter() {
        assertThat(fingerprintOf(ORIGINAL.replace("1060.50", "1060.5"))).isEqualTo(fingerprintOf(ORIGINAL));
        assertThat(fingerprintOf(ORIGINAL.replace("1060.50", "\"1060.500\""))).isEqualTo(fingerprintOf(ORIGINAL));
        assertThat(fingerprintOf(ORIGINAL.replace("1060.50", "1.0605E3"))).isEqualTo(fingerprintOf(ORIGINAL));
    }

    @Test
    void missingChannelIsTheDefaultChannelOther() {
        String withoutChannel = """
                {"accountId":"L-1","paidAt":"2026-11-23T10:00:00+08:00","amount":5}""";
        String withOther = """
                {"accountId":"L-1","paidAt":"2026-11-23T10:00:00+08:00","amount":5,"channel":"OTHER"}""";
        assertThat(fingerprintOf(withoutChannel)).isEqualTo(fingerprintOf(withOther));
    }

    @Test
    void blankReferenceIsNoReference() {
        String blank = ORIGINAL.replace("\"R-9\"", "\"  \"");
        String absent = ORIGINAL.replace(",\"reference\":\"R-9\"", "");
        assertThat(fingerprintOf(blank)).isEqualTo(fingerprintOf(absent));
    }

    @Test
    void everyFieldTakesPartInTheFingerprint() {
        String original = fingerprintOf(ORIGINAL);
        assertThat(fingerprintOf(ORIGINAL.replace("L-1", "L-2"))).isNotEqualTo(original);
        assertThat(fingerprintOf(ORIGINAL.replace("10:00:00+08:00", "10:00:01+08:00"))).isNotEqualTo(original);
        assertThat(fingerprintOf(ORIGINAL.replace("1060.50", "1060.51"))).isNotEqualTo(original);
        assertThat(fingerprintOf(ORIGINAL.replace("WECHAT", "ALIPAY"))).isNotEqualTo(original);
        assertThat(fingerprintOf(ORIGINAL.replace("R-9", "R-8"))).isNotEqualTo(original);
        assertThat(fingerprintOf(ORIGINAL.replace(",\"reference\":\"R-9\"", ""))).isNotEqualTo(original);
    }

    @Test
    void aValueCannotImitateAnotherField() {
        String a = """
                {"accountId":"L-1","paidAt":"2026-11-23T10:00:00Z","amount":5,"reference":"x\\nchannel:5:OTHER"}""";
        String b = """
                {"accountId":"L-1","paidAt":"2026-11-23T10:00:00Z","amount":5,"reference":"x"}""";
        assertThat(fingerprintOf(a)).isNotEqualTo(fingerprintOf(b));
    }

    @Test
    void fingerprintIsTheSha256OfTheVersionedCanonicalForm() {
        PaymentRequest request = JSON.readValue(ORIGINAL, PaymentRequest.class);
        assertThat(request.canonicalForm()).isEqualTo("""
                recoup.payment-request.v1
                accountId:3:L-1
                paidAt:20:2026-11-23T02:00:00Z
                amount:6:1060.5
                channel:6:WECHAT
                reference:3:R-9
                """);
        assertThat(request.fingerprint()).hasSize(64).matches("[0-9a-f]{64}");
    }
}
