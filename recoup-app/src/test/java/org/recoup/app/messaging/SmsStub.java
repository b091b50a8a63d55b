package org.recoup.app.messaging;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local SMS provider for tests (JDK {@link HttpServer}): answers the n-th POST for one message (by its
 * {@code Idempotency-Key}) with the n-th scripted status (the last one repeats), and keeps every request it received.
 */
final class SmsStub implements AutoCloseable {

    record Received(String body, String authorization, String idempotencyKey) {
    }

    private final HttpServer server;
    private final List<Integer> script;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> calls =
            new java.util.concurrent.ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    SmsStub(Integer... statuses) throws IOException {
        script = List.of(statuses);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            String key = String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            int n = calls.computeIfAbsent(key, k -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement();
            int status = script.get(Math.min(n, script.size() - 1));
            byte[] answer = (status < 300 ? "{\"id\":\"prov-" + received.size() + "\",\"status\":\"accepted\"}"
                    : "{\"error\":\"status " + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
    }

    MessagingProperties.HttpSms config() {
        MessagingProperties.HttpSms c = new MessagingProperties.HttpSms();
        c.setUrl(url());
        c.setUsername("recoup");
        c.setPassword("s3cret");
        return c;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
