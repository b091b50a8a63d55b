package org.recoup.app.messaging;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.recoup.engine.compliance.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The gateway of each channel, chosen by {@code recoup.messaging.gateway.<channel>}: {@code simulated} for every
 * channel (the default), {@code http} for SMS, {@code smtp} for EMAIL. A wrong choice fails at start-up with a message
 * naming the property.
 */
@Component
class MessageGateways {

    private final Map<Channel, MessageGateway> byChannel = new EnumMap<>(Channel.class);

    MessageGateways(MessagingProperties properties, JdbcClient jdbc, ObjectProvider<Clock> clock,
                    ObjectProvider<JavaMailSender> mail) {
        SimulatedGateway simulated = new SimulatedGateway(jdbc, clock.getIfAvailable(Clock::systemUTC));
        for (Channel channel : new Channel[] {Channel.SMS, Channel.EMAIL, Channel.LETTER}) {
            String key = channel.name().toLowerCase(Locale.ROOT);
            String choice = properties.getGateway().getOrDefault(key, "simulated").strip().toLowerCase(Locale.ROOT);
            MessageGateway gateway = switch (choice) {
                case "simulated" -> simulated;
                case "http" -> {
                    require(channel == Channel.SMS, key, choice);
                    yield new HttpSmsGateway(properties.getHttpSms());
                }
                case "smtp" -> {
                    require(channel == Channel.EMAIL, key, choice);
                    JavaMailSender sender = mail.getIfAvailable();
                    if (sender == null) {
                        throw new IllegalStateException("recoup.messaging.gateway.email=smtp needs an SMTP server: set "
                                + "spring.mail.host (and port, username, password)");
                    }
                    yield new SmtpGateway(sender, properties.getEmail().getFrom());
                }
                default -> throw new IllegalStateException("recoup.messaging.gateway." + key + "=" + choice
                        + " is not a gateway; use simulated" + (channel == Channel.SMS ? " or http"
                        : channel == Channel.EMAIL ? " or smtp" : ""));
            };
            byChannel.put(channel, gateway);
        }
    }

    MessageGateway of(Channel channel) {
        MessageGateway gateway = byChannel.get(channel);
        if (gateway == null) {
            throw new IllegalArgumentException("no gateway sends " + channel);
        }
        return gateway;
    }

    private static void require(boolean ok, String key, String choice) {
        if (!ok) {
            throw new IllegalStateException("recoup.messaging.gateway." + key + "=" + choice + ": the " + choice
                    + " gateway does not send " + key);
        }
    }
}
