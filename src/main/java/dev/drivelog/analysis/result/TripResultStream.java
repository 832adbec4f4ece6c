package dev.drivelog.analysis.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a result in the shape the engine writes it straight from a streaming parser into the
 * records: no tree, no data binding by reflection, numbers parsed once. The result of every trip
 * passes here, and binding it by reflection was the largest Java item of {@code drivelog analyze}
 * (docs/BENCHMARKS.md, "End to end").
 *
 * <p>Only the plain shape is taken: each field of the type the format gives it, or null where a
 * record takes null. Anything else (a number as text, a null for a count, evidence that is not a
 * scalar, broken JSON) gives null, and {@link TripResultParser} reads the text with data binding
 * instead, whose coercions and messages therefore stay the only ones. What the two make of a plain
 * result is the same: {@code TripResultStreamTest} holds them to it. The matched path, nearly all of a
 * result with {@code --matched}, is not tokenised by Jackson: {@link MatchedPathReader} reads it from the
 * bytes and keeps its coordinates as the engine's text, and declines (the result is then read by Jackson
 * alone) whatever is not the engine's plain shape.
 */
final class TripResultStream {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // Correctly rounded like Double.parseDouble, without the String it needs.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** Not the plain shape: data binding decides. */
    private static final class Unexpected extends Exception {
        private static final long serialVersionUID = 1L;

        Unexpected() {
            super(null, null, false, false);
        }
    }

    private static final Unexpected UNEXPECTED = new Unexpected();

    private TripResultStream() {
    }

    /** The result, or null when {@code json} is not a result in the plain shape. */
    static TripResult read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The result, or null when {@code utf8} is not a result in the plain shape. Read by Jackson's UTF-8
     * byte parser, as the engine wrote it: no String of the whole text, no copy into chars.
     */
    static TripResult read(byte[] utf8) {
        try {
            try (JsonParser p = FACTORY.createParser(utf8)) {
                return result(p, utf8);
            } catch (MatchedPathReader.Declined e) {
                // The matched path is not in the engine's plain shape: Jackson reads all of it.
                try (JsonParser p = FACTORY.createParser(utf8)) {
                    return result(p, null);
                }
            }
        } catch (IOException | Unexpected | MatchedPathReader.Declined e) {
            return null;
        }
    }

    /**
     * @param utf8 the bytes {@code p} reads, for {@link MatchedPathReader} to read the matched path from;
     *             null: Jackson reads it too
     */
    private static TripResult result(JsonParser p, byte[] utf8) throws IOException, Unexpected, MatchedPathReader.Declined {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        String schema = null;
        String tripId = null;
        String engineVersion = null;
        TripSummary summary = null;
        List<Violation> violations = null;
        List<Violation> events = null;
        List<MatchedSegment> matched = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "schema" -> schema = string(p, value);
                case "trip_id" -> tripId = string(p, value);
                case "engine_version" -> engineVersion = string(p, value);
                case "summary" -> summary = value == JsonToken.VALUE_NULL ? null : summary(p, value);
                case "violations" -> violations = findings(p, value);
                case "events" -> events = findings(p, value);
                case "matched" -> {
                    if (utf8 != null && value == JsonToken.START_ARRAY) {
                        // The engine writes the path last: read from the bytes, the result ends after it.
                        MatchedPathReader path = new MatchedPathReader(utf8, arrayStart(p, utf8));
                        matched = path.read();
                        if (!path.onlyTheEndFollows()) {
                            throw MatchedPathReader.DECLINED;
                        }
                        return new TripResult(schema, tripId, engineVersion, summary, violations, events, matched);
                    }
                    matched = matched(p, value);
                }
                default -> p.skipChildren();
            }
        }
        expect(p.currentToken(), JsonToken.END_OBJECT);
        return new TripResult(schema, tripId, engineVersion, summary, violations, events, matched);
    }

    /** Where the array whose start {@code p} just gave begins in {@code utf8} (the parser reads it from its start). */
    private static int arrayStart(JsonParser p, byte[] utf8) throws MatchedPathReader.Declined {
        long offset = p.currentTokenLocation().getByteOffset();
        if (offset < 0 || offset >= utf8.length || utf8[(int) offset] != '[') {
            throw MatchedPathReader.DECLINED;
        }
        return (int) offset;
    }

    private static TripSummary summary(JsonParser p, JsonToken start) throws IOException, Unexpected {
        expect(start, JsonToken.START_OBJECT);
        long points = 0;
        long pointsUsed = 0;
        long matchedPoints = 0;
        double matchedFraction = 0;
        int segments = 0;
        double distanceM = 0;
        double durationS = 0;
        Double startTime = null;
        Double endTime = null;
        TripQuality quality = null;
        StopSignCounts stopSigns = null;
        EventCoverage events = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "points" -> {
                    points = longValue(p, value);
                    seen |= 1 << 0;
                }
                case "points_used" -> {
                    pointsUsed = longValue(p, value);
                    seen |= 1 << 1;
                }
                case "matched_points" -> {
                    matchedPoints = longValue(p, value);
                    seen |= 1 << 2;
                }
                case "matched_fraction" -> {
                    matchedFraction = doubleValue(p, value);
                    seen |= 1 << 3;
                }
                case "segments" -> {
                    segments = intValue(p, value);
                    seen |= 1 << 4;
                }
                case "distance_m" -> {
                    distanceM = doubleValue(p, value);
                    seen |= 1 << 5;
                }
                case "duration_s" -> {
                    durationS = doubleValue(p, value);
                    seen |= 1 << 6;
                }
                case "start_time" -> startTime = value == JsonToken.VALUE_NULL ? null : doubleValue(p, value);
                case "end_time" -> endTime = value == JsonToken.VALUE_NULL ? null : doubleValue(p, value);
                case "quality" -> quality = value == JsonToken.VALUE_NULL ? null : quality(p, value);
                case "stop_signs" -> stopSigns = value == JsonToken.VALUE_NULL ? null : stopSigns(p, value);
                case "events" -> events = value == JsonToken.VALUE_NULL ? null : coverage(p, value);
                default -> p.skipChildren();
            }
        }
        requireAll(seen, 7);
        return new TripSummary(points, pointsUsed, matchedPoints, matchedFraction, segments, distanceM, durationS,
                startTime, endTime, quality, stopSigns, events);
    }

    private static TripQuality quality(JsonParser p, JsonToken start) throws IOException, Unexpected {
        expect(start, JsonToken.START_OBJECT);
        long droppedPoints = 0;
        Long outOfOrderPoints = null;
        int gaps = 0;
        double longestGapS = 0;
        long lowAccuracyPoints = 0;
        long outliers = 0;
        Long unmatchedPoints = null;
        Integer breaks = null;
        List<String> flags = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "dropped_points" -> {
                    droppedPoints = longValue(p, value);
                    seen |= 1 << 0;
                }
                case "out_of_order_points" -> outOfOrderPoints = value == JsonToken.VALUE_NULL ? null : longValue(p, value);
                case "gaps" -> {
                    gaps = intValue(p, value);
                    seen |= 1 << 1;
                }
                case "longest_gap_s" -> {
                    longestGapS = doubleValue(p, value);
                    seen |= 1 << 2;
                }
                case "low_accuracy_points" -> {
                    lowAccuracyPoints = longValue(p, value);
                    seen |= 1 << 3;
                }
                case "outliers" -> {
                    outliers = longValue(p, value);
                    seen |= 1 << 4;
                }
                case "unmatched_points" -> unmatchedPoints = value == JsonToken.VALUE_NULL ? null : longValue(p, value);
                case "breaks" -> breaks = value == JsonToken.VALUE_NULL ? null : intValue(p, value);
                case "flags" -> flags = strings(p, value);
                default -> p.skipChildren();
            }
        }
        requireAll(seen, 5);
        return new TripQuality(droppedPoints, outOfOrderPoints, gaps, longestGapS, lowAccuracyPoints, outliers,
                unmatchedPoints, breaks, flags);
    }

    private static StopSignCounts stopSigns(JsonParser p, JsonToken start) throws IOException, Unexpected {
        expect(start, JsonToken.START_OBJECT);
        int passed = 0;
        int stopped = 0;
        int violations = 0;
        int undecided = 0;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "passed" -> {
                    passed = intValue(p, value);
                    seen |= 1 << 0;
                }
                case "stopped" -> {
                    stopped = intValue(p, value);
                    seen |= 1 << 1;
                }
                case "violations" -> {
                    violations = intValue(p, value);
                    seen |= 1 << 2;
                }
                case "undecided" -> {
                    undecided = intValue(p, value);
                    seen |= 1 << 3;
                }
                default -> p.skipChildren();
            }
        }
        requireAll(seen, 4);
        return new StopSignCounts(passed, stopped, violations, undecided);
    }

    private static EventCoverage coverage(JsonParser p, JsonToken start) throws IOException, Unexpected {
        expect(start, JsonToken.START_OBJECT);
        double decidedS = 0;
        double undecidedS = 0;
        String undecidedReason = null;
        int curvesJudged = 0;
        int curvesUndecided = 0;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "decided_s" -> {
                    decidedS = doubleValue(p, value);
                    seen |= 1 << 0;
                }
                case "undecided_s" -> {
                    undecidedS = doubleValue(p, value);
                    seen |= 1 << 1;
                }
                case "undecided_reason" -> undecidedReason = string(p, value);
                case "curves_judged" -> curvesJudged = intValue(p, value);
                case "curves_undecided" -> curvesUndecided = intValue(p, value);
                default -> p.skipChildren();
            }
        }
        requireAll(seen, 2);
        return new EventCoverage(decidedS, undecidedS, undecidedReason, curvesJudged, curvesUndecided);
    }

    private static List<Violation> findings(JsonParser p, JsonToken start) throws IOException, Unexpected {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start, JsonToken.START_ARRAY);
        List<Violation> findings = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            findings.add(finding(p, next));
        }
        return findings;
    }

    private static Violation finding(JsonParser p, JsonToken start) throws IOException, Unexpected {
        expect(start, JsonToken.START_OBJECT);
        String type = null;
        double startTime = 0;
        double endTime = 0;
        double lat = 0;
        double lon = 0;
        List<Long> osmWayIds = null;
        String roadName = null;
        double confidence = 0;
        String severity = null;
        Evidence evidence = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> type = string(p, value);
                case "start_time" -> {
                    startTime = doubleValue(p, value);
                    seen |= 1 << 0;
                }
                case "end_time" -> {
                    endTime = doubleValue(p, value);
                    seen |= 1 << 1;
                }
                case "lat" -> {
                    lat = doubleValue(p, value);
                    seen |= 1 << 2;
                }
                case "lon" -> {
                    lon = doubleValue(p, value);
                    seen |= 1 << 3;
                }
                case "osm_way_ids" -> osmWayIds = longs(p, value);
                case "road_name" -> roadName = string(p, value);
                case "confidence" -> {
                    confidence = doubleValue(p, value);
                    seen |= 1 << 4;
                }
                case "severity" -> severity = string(p, value);
                case "evidence" -> evidence = evidence(p, value);
                default -> p.skipChildren();
            }
        }
        requireAll(seen, 5);
        return new Violation(type, startTime, endTime, lat, lon, osmWayIds, roadName, confidence, severity, evidence);
    }

    /** Scalars as data binding makes them: Integer, Long or BigInteger; Double; String; Boolean; null. */
    private static Evidence evidence(JsonParser p, JsonToken start) throws IOException, Unexpected {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start, JsonToken.START_OBJECT);
        Evidence.Builder evidence = new Evidence.Builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Object value = switch (p.nextToken()) {
                case VALUE_NUMBER_INT -> p.getNumberValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_STRING -> p.getText();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> throw UNEXPECTED;
            };
            evidence.put(name, value);
        }
        return evidence.build();
    }

    private static List<MatchedSegment> matched(JsonParser p, JsonToken start) throws IOException, Unexpected {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start, JsonToken.START_ARRAY);
        List<MatchedSegment> segments = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            segments.add(segment(p, next));
        }
        return segments;
    }

    private static MatchedSegment segment(JsonParser p, JsonToken start) throws IOException, Unexpected {
        expect(start, JsonToken.START_OBJECT);
        long osmWayId = 0;
        String roadName = null;
        double startTime = 0;
        double endTime = 0;
        boolean forward = false;
        Integer segment = null;
        Positions coordinates = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "osm_way_id" -> {
                    osmWayId = longValue(p, value);
                    seen |= 1 << 0;
                }
                case "road_name" -> roadName = string(p, value);
                case "start_time" -> {
                    startTime = doubleValue(p, value);
                    seen |= 1 << 1;
                }
                case "end_time" -> {
                    endTime = doubleValue(p, value);
                    seen |= 1 << 2;
                }
                case "forward" -> {
                    forward = booleanValue(value);
                    seen |= 1 << 3;
                }
                case "segment" -> segment = value == JsonToken.VALUE_NULL ? null : intValue(p, value);
                case "coordinates" -> coordinates = positions(p, value);
                default -> p.skipChildren();
            }
        }
        requireAll(seen, 4);
        return new MatchedSegment(osmWayId, roadName, startTime, endTime, forward, segment, coordinates);
    }

    /**
     * {@code [[lon, lat], ...]} into one flat path of doubles. Only pairs: a position of another length (data
     * binding takes any) is not the engine's shape, so data binding decides.
     */
    private static Positions positions(JsonParser p, JsonToken start) throws IOException, Unexpected {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start, JsonToken.START_ARRAY);
        Positions.Builder positions = new Positions.Builder();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(next, JsonToken.START_ARRAY);
            double lon = doubleValue(p, p.nextToken());
            double lat = doubleValue(p, p.nextToken());
            positions.add(lon, lat);
            expect(p.nextToken(), JsonToken.END_ARRAY);
        }
        return positions.build();
    }

    private static List<String> strings(JsonParser p, JsonToken start) throws IOException, Unexpected {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start, JsonToken.START_ARRAY);
        List<String> strings = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(next, JsonToken.VALUE_STRING); // a null element would fail the record's List.copyOf
            strings.add(p.getText());
        }
        return strings;
    }

    private static List<Long> longs(JsonParser p, JsonToken start) throws IOException, Unexpected {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start, JsonToken.START_ARRAY);
        List<Long> longs = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            longs.add(longValue(p, next));
        }
        return longs;
    }

    private static String string(JsonParser p, JsonToken value) throws IOException, Unexpected {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value, JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static double doubleValue(JsonParser p, JsonToken value) throws IOException, Unexpected {
        if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
            throw UNEXPECTED;
        }
        return p.getDoubleValue();
    }

    /** Throws (data binding decides) for a fraction or a number out of range. */
    private static long longValue(JsonParser p, JsonToken value) throws IOException, Unexpected {
        expect(value, JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    private static int intValue(JsonParser p, JsonToken value) throws IOException, Unexpected {
        expect(value, JsonToken.VALUE_NUMBER_INT);
        return p.getIntValue();
    }

    private static boolean booleanValue(JsonToken value) throws Unexpected {
        if (value == JsonToken.VALUE_TRUE) {
            return true;
        }
        expect(value, JsonToken.VALUE_FALSE);
        return false;
    }

    /**
     * Data binding refuses a result that lacks a number or flag a record holds as a primitive
     * (FAIL_ON_NULL_FOR_PRIMITIVES: a missing count is a broken engine, not a zero), so it must see one.
     */
    private static void requireAll(int seen, int fields) throws Unexpected {
        if (seen != (1 << fields) - 1) {
            throw UNEXPECTED;
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws Unexpected {
        if (actual != expected) {
            throw UNEXPECTED;
        }
    }
}
