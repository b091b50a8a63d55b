package org.recoup.app.payment;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an instant only as the contract writes it, an ISO-8601 string with offset ({@code 2026-11-23T10:00:00+08:00},
 * {@code 2026-11-23T02:00:00Z}). Jackson's default also takes numbers as epoch seconds, which a client sending
 * milliseconds would get silently wrong.
 */
final class StrictOffsetDateTimeDeserializer extends ValueDeserializer<OffsetDateTime> {

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getString();
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                    "not an ISO-8601 instant with offset");
        }
    }
}
