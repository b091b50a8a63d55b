package org.recoup.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: JSON in, {@link Response} out, never throws on an error status. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ApiClient(int port, String username, String password) {
        this.port = port;
        this.authorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response post(String path, String json) {
        return post(path, json, Map.of());
    }

    public Response post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b);
    }

    /** GET with extra headers, e.g. {@code Accept}. */
    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path).GET();
        headers.forEach(b::header);
        return send(b);
    }

    /** POST of a body in any media type, e.g. {@code text/yaml}. */
    public Response postBody(String path, String contentType, String body) {
        return send(builder(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    /** Multipart form upload: part name → (file name, bytes). */
    public Response postMultipart(String path, Map<String, Part> parts) {
        String boundary = "recoup-" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, Part> e : parts.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
                        + "\"; filename=\"" + e.getValue().fileName() + "\"\r\nContent-Type: " + e.getValue().contentType()
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(e.getValue().content());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public record Part(String fileName, String contentType, byte[] content) {
        public static Part csv(String fileName, String text) {
            return new Part(fileName, "text/csv", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static Map<String, Part> parts() {
        return new LinkedHashMap<>();
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(5));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
