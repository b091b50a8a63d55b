package org.recoup.app.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS provider's HTTP API: {@code POST url} with a JSON body built from the configured template, HTTP Basic or a
 * bearer token. 2xx → SENT (the provider's id read from the answer's {@code idField}); 408, 429 and 5xx or no answer
 * → RETRY; any other 4xx → FAILED (the provider refused this message; sending it again would not help).
 */
class HttpSmsGateway implements MessageGateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessagingProperties.HttpSms config;
    private final HttpClient http;

    HttpSmsGateway(MessagingProperties.HttpSms config) {
        if (config.getUrl() == null) {
            throw new IllegalStateException("recoup.messaging.gateway.sms=http needs recoup.messaging.http-sms.url");
        }
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.getTimeout()).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Delivery send(OutgoingMessage m) {
        String body = config.getBodyTemplate()
                .replace("{to}", quote(m.recipient()))
                .replace("{text}", quote(m.body()))
                .replace("{messageId}", quote(m.messageId()))
                .replace("{sender}", quote(config.getSender()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.getUrl().toString()))
                .timeout(config.getTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", m.messageId())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (config.getBearerToken() != null && !config.getBearerToken().isBlank()) {
            request.header("Authorization", "Bearer " + config.getBearerToken());
        } else if (config.getUsername() != null && !config.getUsername().isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (config.getUsername() + ":" + (config.getPassword() == null ? "" : config.getPassword()))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Delivery.retry("SMS API unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted while calling the SMS API");
        }
        int status = response.statusCode();
        String answer = abbreviate(response.body());
        if (status >= 200 && status < 300) {
            return Delivery.sent(providerId(response.body(), m.messageId()));
        }
        if (status == 408 || status == 429 || status >= 500) {
            return Delivery.retry("SMS API answered " + status + ": " + answer);
        }
        return Delivery.failed("SMS API refused the message (" + status + "): " + answer);
    }

    private String providerId(String body, String fallback) {
        try {
            JsonNode node = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            JsonNode id = node.get(config.getIdField());
            return id == null || id.isNull() ? fallback : id.asString();
        } catch (RuntimeException notJson) {
            return fallback;
        }
    }

    private static String quote(String value) {
        return JSON.writeValueAsString(value == null ? "" : value);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
