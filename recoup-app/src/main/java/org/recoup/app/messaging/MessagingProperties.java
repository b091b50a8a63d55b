package org.recoup.app.messaging;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Infrastructure settings of messaging ({@code recoup.messaging.*}, see docs/messaging.md): which gateway sends each
 * channel, the HTTP SMS API and the letter font, and how the dispatcher runs. What a message says (templates, hotline,
 * payment channels) is business configuration in the database.
 */
@ConfigurationProperties("recoup.messaging")
public class MessagingProperties {

    /** Gateway per channel: {@code simulated} (default), {@code http} (SMS), {@code smtp} (EMAIL). */
    private Map<String, String> gateway = new LinkedHashMap<>(Map.of("sms", "simulated", "email", "simulated",
            "letter", "simulated"));
    private final HttpSms httpSms = new HttpSms();
    private final Email email = new Email();
    private final Letters letters = new Letters();
    private final Dispatch dispatch = new Dispatch();

    public Map<String, String> getGateway() {
        return gateway;
    }

    public void setGateway(Map<String, String> gateway) {
        this.gateway = new LinkedHashMap<>(gateway);
    }

    public HttpSms getHttpSms() {
        return httpSms;
    }

    public Email getEmail() {
        return email;
    }

    public Letters getLetters() {
        return letters;
    }

    public Dispatch getDispatch() {
        return dispatch;
    }

    /** An SMS provider's HTTP API: one POST per message with a JSON body built from {@link #bodyTemplate}. */
    public static class HttpSms {
        private URI url;
        private String username;
        private String password;
        private String bearerToken;
        /** JSON with placeholders {@code {to} {text} {messageId} {sender}} (each replaced by a JSON string value). */
        private String bodyTemplate = "{\"to\":{to},\"text\":{text},\"reference\":{messageId},\"sender\":{sender}}";
        /** Field of the provider's JSON answer holding its message id. */
        private String idField = "id";
        private String sender = "Recoup";
        private Duration timeout = Duration.ofSeconds(10);

        public URI getUrl() {
            return url;
        }

        public void setUrl(URI url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getBearerToken() {
            return bearerToken;
        }

        public void setBearerToken(String bearerToken) {
            this.bearerToken = bearerToken;
        }

        public String getBodyTemplate() {
            return bodyTemplate;
        }

        public void setBodyTemplate(String bodyTemplate) {
            this.bodyTemplate = bodyTemplate;
        }

        public String getIdField() {
            return idField;
        }

        public void setIdField(String idField) {
            this.idField = idField;
        }

        public String getSender() {
            return sender;
        }

        public void setSender(String sender) {
            this.sender = sender;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** The sender of e-mails sent through SMTP ({@code spring.mail.*} configures the server). */
    public static class Email {
        private String from = "collections@recoup.example";

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }
    }

    /** Letters rendered to PDF: the CJK TrueType font (Debian {@code fonts-wqy-zenhei}). */
    public static class Letters {
        private Path font = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

        public Path getFont() {
            return font;
        }

        public void setFont(Path font) {
            this.font = font;
        }
    }

    /** The dispatcher: how often it runs, how many messages per pass, retries with exponential backoff. */
    public static class Dispatch {
        private boolean enabled = true;
        private Duration interval = Duration.ofSeconds(30);
        private int batchSize = 100;
        private int maxAttempts = 5;
        private Duration backoff = Duration.ofMinutes(1);
        private Duration maxBackoff = Duration.ofHours(1);
        /** A message claimed longer ago than this whose result was never recorded is failed (outcome unknown). */
        private Duration staleAfter = Duration.ofMinutes(15);
        /** Daily-run actions of business dates older than this are not sent any more. */
        private int runActionDays = 2;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getStaleAfter() {
            return staleAfter;
        }

        public void setStaleAfter(Duration staleAfter) {
            this.staleAfter = staleAfter;
        }

        public int getRunActionDays() {
            return runActionDays;
        }

        public void setRunActionDays(int runActionDays) {
            this.runActionDays = runActionDays;
        }
    }
}
