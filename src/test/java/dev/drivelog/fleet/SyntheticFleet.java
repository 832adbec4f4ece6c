package dev.drivelog.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripResultParser;
import dev.drivelog.output.DirectoryOutputSink;
import dev.drivelog.output.ResultFiles;
import dev.drivelog.output.TripOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A results directory as {@code drivelog analyze} leaves it, written through the real result writers
 * ({@link ResultFiles}, {@link DirectoryOutputSink}) from generated engine results: vehicles driving
 * trips over days in central Tokyo, with findings of every type, with and without a severity and a
 * category (from the result array a finding is in), at a few repeated places so that hot spots form.
 * Deterministic by seed.
 */
public final class SyntheticFleet {
    public static final String RESULT_VERSION = "synthetic-1";
    /** 2026-11-16 00:00 UTC, a Monday. */
    public static final double START = 1_794_787_200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"speeding", "stop_sign", "wrong_way", "no_entry", "turn_restriction",
        "harsh_braking", "harsh_acceleration", "harsh_cornering", "curve_overspeed"};
    private static final String[] SEVERITIES = {"light", "moderate", "heavy", "severe", null};
    private static final String[] ROADS = {"明治通り", "青山通り", "Omotesando", "井ノ頭通り", "", "道玄坂"};

    private SyntheticFleet() {}

    /**
     * Writes {@code inputs} inputs (files) of trips into {@code out}.
     *
     * @return the number of findings written
     */
    public static int write(Path out, int vehicles, int trips, int days, double findingsPerTrip, int inputs, long seed)
            throws IOException {
        Random random = new Random(seed);
        int findings = 0;
        int perInput = (trips + inputs - 1) / inputs;
        for (int input = 0; input < inputs; input++) {
            String name = String.format("fleet-%03d.csv", input);
            DirectoryOutputSink sink = new DirectoryOutputSink(out, name, RESULT_VERSION);
            ResultFiles files = new ResultFiles(sink, name, false);
            for (int t = input * perInput; t < Math.min(trips, (input + 1) * perInput); t++) {
                String vehicle = String.format("car-%02d", t % vehicles);
                // The last vehicle drives one short trip only: too little distance for a score.
                double km = t % vehicles == vehicles - 1 && vehicles > 2 ? 0 : 2 + random.nextDouble() * 38;
                if (km == 0 && t >= vehicles) {
                    continue;
                }
                km = km == 0 ? 3.0 : km;
                double start = START + random.nextInt(days) * 86_400.0 + 5 * 3600 + random.nextInt(16 * 3600);
                int n = (int) Math.round(-Math.log(1 - random.nextDouble()) * findingsPerTrip);
                ObjectNode result = trip(vehicle + "/" + (long) start, start, km);
                ArrayNode violations = result.putArray("violations");
                ArrayNode events = result.putArray("events");
                for (int f = 0; f < n; f++) {
                    ObjectNode finding = finding(random, start + 60 + random.nextInt((int) (km * 90)));
                    (isEvent(finding.get("type").asText()) ? events : violations).add(finding);
                }
                findings += n;
                TripResult parsed = new TripResultParser().parse(result.toString());
                files.write(TripOutcome.analysed(vehicle, parsed.tripId(), 600, parsed, result.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            files.finish(List.of());
        }
        return findings;
    }

    private static ObjectNode trip(String tripId, double start, double km) {
        ObjectNode result = JSON.createObjectNode();
        result.put("schema", TripResult.SCHEMA).put("trip_id", tripId).put("engine_version", "0.1.0");
        ObjectNode summary = result.putObject("summary");
        summary.put("points", 600).put("points_used", 600).put("matched_points", 598).put("matched_fraction", 0.997)
                .put("segments", 1).put("distance_m", km * 1000).put("duration_s", km * 90).put("start_time", start)
                .put("end_time", start + km * 90);
        summary.putObject("quality").put("dropped_points", 0).put("gaps", 0).put("longest_gap_s", 1.0)
                .put("low_accuracy_points", 0).put("outliers", 0).putArray("flags");
        return result;
    }

    private static ObjectNode finding(Random random, double time) {
        String type = TYPES[random.nextInt(TYPES.length)];
        // Few places, many findings each: a 6 x 6 grid of junctions ~300 m apart around Shibuya.
        int row = random.nextInt(6);
        int col = random.nextInt(6);
        long way = 100_000 + row * 10L + col;
        ObjectNode v = JSON.createObjectNode();
        v.put("type", type).put("start_time", time).put("end_time", time + 5)
                .put("lat", 35.655 + row * 0.0027 + random.nextGaussian() * 0.0001)
                .put("lon", 139.695 + col * 0.0033 + random.nextGaussian() * 0.0001);
        v.putArray("osm_way_ids").add(way);
        v.put("road_name", ROADS[(row + col) % ROADS.length]).put("confidence", 0.9);
        ObjectNode evidence = v.putObject("evidence");
        if (type.equals("stop_sign")) {
            evidence.put("stop_osm_node_id", 9_000_000 + row * 10L + col);
        } else if (type.equals("turn_restriction")) {
            evidence.put("via_osm_node_id", 9_000_000 + row * 10L + col);
        }
        // Some findings are not graded (severity null), as stop signs and wrong-way runs are.
        String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
        if (severity == null) {
            v.putNull("severity");
        } else {
            v.put("severity", severity);
        }
        return v;
    }

    /** Driving events go into the result's {@code events} array, whose rows get category {@code event}. */
    private static boolean isEvent(String type) {
        return type.startsWith("harsh") || type.equals("curve_overspeed");
    }
}
