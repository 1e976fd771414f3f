package io.kefu.shared.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * An instant field that must be an ISO-8601 JSON string: Jackson would otherwise read 1764300000 as epoch
 * seconds (and 1764300000000 as a date in the year 57,000), guessing at what a producer meant.
 */
final class StrictInstant extends StdDeserializer<Instant> {
    StrictInstant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }
}
