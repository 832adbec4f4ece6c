package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.LogsConfig;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fixture, damaged in many seeded ways (bytes flipped, cut short, bytes dropped or repeated):
 * reading it either succeeds with a consistent report or fails with an UnreadableLogException naming
 * the input. Never another exception, never a lost point unaccounted for.
 */
class CorruptInputTest {
    private static final int DAMAGES_PER_FIXTURE = 300;

    @ParameterizedTest
    @ValueSource(strings = {"fleet/interleaved.csv", "fleet/interleaved.csv.gz", "csv/semicolon-bom-quoted.csv",
            "csv/bad-rows.csv", "jsonl/traccar.jsonl", "nmea/multi-talker.nmea", "gpx/gpx10-segments.gpx",
            "gpx/gpx11-garmin.gpx"})
    void read_damagedFixture_succeedsOrFailsCleanly(String fixture) throws Exception {
        byte[] original = Reads.bytes(fixture);
        Random random = new Random(fixture.hashCode());
        LogsConfig config = Reads.config("max_line_bytes: 4096\nmin_points_per_trip: 1");
        for (int i = 0; i < DAMAGES_PER_FIXTURE; i++) {
            byte[] damaged = damage(original, random);
            String name = "damaged-" + i + "-" + fixture.replace('/', '-');
            try {
                ReadReport report = Reads.read(name, new ByteArrayInputStream(damaged), config, null).report();
                assertEquals(report.pointsRead(), report.pointsInTrips() + report.invalidCoordinates()
                        + report.duplicateTimestamps() + report.outOfOrderDropped() + report.spikesDropped()
                        + report.pointsInShortTrips(), name + ": every point read is kept or counted: " + report.summary());
            } catch (UnreadableLogException e) {
                assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
            }
        }
    }

    private static byte[] damage(byte[] data, Random random) {
        byte[] copy = data.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int k = 1 + random.nextInt(5); k > 0; k--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 1 -> {
                return Arrays.copyOf(copy, random.nextInt(copy.length));
            }
            case 2 -> {
                int at = random.nextInt(copy.length);
                int n = Math.min(copy.length - at, 1 + random.nextInt(40));
                byte[] shorter = new byte[copy.length - n];
                System.arraycopy(copy, 0, shorter, 0, at);
                System.arraycopy(copy, at + n, shorter, at, copy.length - at - n);
                return shorter;
            }
            default -> {
                int at = random.nextInt(copy.length);
                int n = Math.min(copy.length - at, 1 + random.nextInt(80));
                byte[] longer = new byte[copy.length + n];
                System.arraycopy(copy, 0, longer, 0, at + n);
                System.arraycopy(copy, at, longer, at + n, copy.length - at);
                return longer;
            }
        }
    }
}
