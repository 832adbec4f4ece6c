package dev.drivelog.analysis.result;

import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

/** Trip results in the engine's shape and notation, with random numbers, for tests that compare two readers or writers. */
public final class EngineResultSamples {
    private EngineResultSamples() {
    }

    /** A result as the engine writes it: numbers in std::to_chars' shortest form, rounded to its decimals. */
    public static String random(Random random) {
        StringBuilder json = new StringBuilder("{\"schema\":\"drivelog.trip/1.5\",\"trip_id\":\"v")
                .append(random.nextInt(100)).append("/t\\u00e9").append("\",\"engine_version\":\"0.9.0\",\"summary\":{");
        json.append("\"points\":").append(random.nextInt(5000)).append(",\"points_used\":").append(random.nextInt(5000))
                .append(",\"matched_points\":").append(random.nextInt(5000))
                .append(",\"matched_fraction\":").append(number(random, 1, 4))
                .append(",\"segments\":").append(random.nextInt(9))
                .append(",\"distance_m\":").append(number(random, 1e5, 1))
                .append(",\"duration_s\":").append(number(random, 1e4, 3))
                .append(",\"start_time\":").append(random.nextBoolean() ? "null" : number(random, 2e9, 3))
                .append(",\"end_time\":").append(number(random, 2e9, 3))
                .append(",\"quality\":{\"dropped_points\":").append(random.nextInt(9))
                .append(",\"out_of_order_points\":").append(random.nextInt(9))
                .append(",\"gaps\":1,\"longest_gap_s\":").append(number(random, 100, 3))
                .append(",\"low_accuracy_points\":0,\"outliers\":2,\"unmatched_points\":3,\"breaks\":0,\"flags\":[\"gaps\"]}")
                .append(",\"stop_signs\":{\"passed\":2,\"stopped\":1,\"violations\":1,\"undecided\":0}")
                .append(",\"events\":{\"decided_s\":").append(number(random, 1e4, 1))
                .append(",\"undecided_s\":0,\"undecided_reason\":null")
                .append(random.nextBoolean() ? "" : ",\"curves_judged\":" + random.nextInt(9) + ",\"curves_undecided\":" + random.nextInt(9))
                .append("}},\"violations\":[");
        StringJoiner findings = new StringJoiner(",");
        for (int i = random.nextInt(4); i > 0; i--) {
            findings.add("{\"type\":\"speeding\",\"start_time\":" + number(random, 2e9, 3) + ",\"end_time\":"
                    + number(random, 2e9, 3) + ",\"lat\":" + number(random, 90, 7) + ",\"lon\":" + number(random, 180, 7)
                    + ",\"osm_way_ids\":[" + random.nextLong(1L << 40) + "],\"road_name\":\"Stra\\u00dfe \\\"A\\\"\""
                    + ",\"confidence\":" + number(random, 1, 2) + ",\"severity\":" + (random.nextBoolean() ? "null" : "\"heavy\"")
                    + ",\"evidence\":{\"max_speed_kmh\":" + number(random, 200, 1) + ",\"limit_kmh\":50"
                    + ",\"node\":" + random.nextLong(1L << 40) + ",\"source\":\"tag\",\"trusted\":true,\"none\":null}}");
        }
        json.append(findings).append("],\"events\":[],\"matched\":[");
        StringJoiner segments = new StringJoiner(",");
        for (int i = random.nextInt(4); i > 0; i--) {
            StringJoiner positions = new StringJoiner(",");
            for (int j = random.nextInt(20); j > 0; j--) {
                positions.add("[" + number(random, 180, 7) + "," + number(random, 90, 7) + "]");
            }
            segments.add("{\"osm_way_id\":" + random.nextLong(1L << 40) + ",\"road_name\":\"\",\"start_time\":"
                    + number(random, 2e9, 3) + ",\"end_time\":" + number(random, 2e9, 3) + ",\"forward\":"
                    + random.nextBoolean() + ",\"segment\":" + random.nextInt(3) + ",\"coordinates\":[" + positions + "]}");
        }
        return json.append(segments).append("]}").toString();
    }

    /** A number up to {@code scale} in magnitude rounded to {@code decimals}, sometimes tiny or huge, as to_chars writes it. */
    private static String number(Random random, double scale, int decimals) {
        double value = switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> Math.pow(10, random.nextInt(12) - 4); // 1e-05, 1e+07: to_chars' scientific form
            default -> (random.nextDouble() * 2 - 1) * scale;
        };
        double p = Math.pow(10, decimals);
        double rounded = Math.round(value * p) / p;
        String text = Double.toString(rounded == 0 ? 0 : rounded);
        // to_chars writes "50" where Double.toString writes "50.0", and "1e-05" for "1.0E-5".
        text = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
        return text.replace(".0E", "E").replace('E', 'e').toLowerCase(Locale.ROOT);
    }
}
