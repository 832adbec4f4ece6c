package dev.drivelog.analysis.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads the engine's result JSON into a {@link TripResult}; thread safe, build one and share it. */
public final class TripResultParser {
    /**
     * Data binding, built on first need: the engine's own answers never need it, and a first ObjectMapper
     * costs a fresh JVM some 60 ms (its classes' initialisation and caches), a tenth of a small input's
     * whole {@code drivelog analyze} (docs/BENCHMARKS.md, "Start-up of drivelog analyze").
     */
    private static final class Binding {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A missing numeric field is a broken engine, not a zero.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /**
     * @throws IllegalArgumentException when the text is not a {@code drivelog.trip/1.2} (or 1.1) result; the
     *                                  message names the trip (if known) and the problem
     */
    public TripResult parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The result in {@code utf8}, the engine's answer as it gave it (the analysis reads it so: no String).
     *
     * @throws IllegalArgumentException as {@link #parse(String)}
     */
    public TripResult parse(byte[] utf8) {
        // The engine's own answers are read by a streaming parser straight into the records; a text in
        // another shape goes to data binding, and one that does not bind (another schema, a broken
        // engine) through the tree, whose checks word the message.
        TripResult result = TripResultStream.read(utf8);
        if (result != null && TripResult.READABLE_SCHEMAS.contains(result.schema()) && result.summary() != null) {
            return result;
        }
        return bind(utf8);
    }

    /** The reading by data binding alone: what {@link TripResultStream} must agree with. */
    TripResult bind(String json) {
        return bind(json.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #bind(String)}, from the bytes as the engine gives them. */
    TripResult bind(byte[] utf8) {
        TripResult result;
        try {
            result = Binding.MAPPER.readValue(utf8, TripResult.class);
        } catch (IOException e) {
            return parseChecked(utf8);
        }
        if (!TripResult.READABLE_SCHEMAS.contains(result.schema()) || result.summary() == null) {
            return parseChecked(utf8);
        }
        return result;
    }

    private TripResult parseChecked(byte[] utf8) {
        JsonNode tree;
        try {
            tree = Binding.MAPPER.readTree(utf8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable trip result: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable trip result: " + e.getMessage(), e);
        }
        // The schema first: another version's fields would fail the mapping with a less useful message.
        String schema = tree.path("schema").asText(null);
        String tripId = tree.path("trip_id").asText(null);
        if (!TripResult.READABLE_SCHEMAS.contains(schema)) {
            throw new IllegalArgumentException("trip result " + tripId + " has schema " + schema + ", expected "
                    + TripResult.SCHEMA + ": the native library and the Java side are of different versions");
        }
        TripResult result;
        try {
            result = Binding.MAPPER.treeToValue(tree, TripResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("trip result " + tripId + " is malformed: " + e.getOriginalMessage(), e);
        }
        if (result.summary() == null) {
            throw new IllegalArgumentException("trip result " + result.tripId() + " lacks its summary");
        }
        return result;
    }
}
