package dev.drivelog.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.westnordost.countryboundaries.CountryBoundaries;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The native reader of data/country_boundaries_180x90.ser (src/main/cpp/legal/country_boundaries)
 * against the library whose data file it is, de.westnordost:countryboundaries, on many points: the
 * same ids in the same order for every one.
 */
class CountryBoundariesOracleTest {

    /** Places near borders (where the polygons are read, not just the raster), and a few cities. */
    private static final double[][] NEAR_BORDERS = {
        {7.42, 43.73}, {1.52, 42.51}, {139.69, 35.66}, {-97.74, 30.27}, {8.55, 47.6}, {6.1, 49.6},
        {-76.6, 39.29}, {-76.88, 40.27}, {12.45, 41.9}, {12.45, 43.94}, {9.52, 47.14}, {-117.0, 32.55},
        {-79.0, 43.1}, {4.93, 51.45}, {2.35, 48.85}, {13.4, 52.5}, {-74.0, 40.7}, {-71.5, 43.0},
        {30.5, 50.45}, {114.17, 22.3}, {113.55, 22.2}, {103.8, 1.3}, {-58.4, -34.6}, {18.42, -33.92},
    };

    @Test
    void getIds_randomAndBorderPoints_nativeReaderGivesTheSameIds() throws Exception {
        CountryBoundaries library;
        try (InputStream in = Files.newInputStream(Path.of("data/country_boundaries_180x90.ser"))) {
            library = CountryBoundaries.load(in);
        }
        Random random = new Random(13);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            points.add(new double[] {random.nextDouble() * 360 - 180, random.nextDouble() * 180 - 90});
        }
        for (double[] place : NEAR_BORDERS) {
            for (int i = 0; i < 1_000; i++) {
                points.add(new double[] {place[0] + random.nextGaussian() * 0.3, place[1] + random.nextGaussian() * 0.3});
            }
        }
        List<String> input = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (double[] p : points) {
            input.add(String.format(Locale.ROOT, "%.9f %.9f", p[0], p[1]));
            // The same decimal text on both sides: both parse it to the same double.
            double lon = Double.parseDouble(String.format(Locale.ROOT, "%.9f", p[0]));
            double lat = Double.parseDouble(String.format(Locale.ROOT, "%.9f", p[1]));
            expected.add(String.join(",", library.getIds(lon, lat)));
        }
        List<String> actual = NativeLines.run(List.of("country"), input);
        assertEquals(expected.size(), actual.size());
        List<String> mismatches = new ArrayList<>();
        long located = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).isEmpty()) {
                located++;
            }
            if (!expected.get(i).equals(actual.get(i)) && mismatches.size() < 20) {
                mismatches.add(input.get(i) + ": library " + expected.get(i) + ", native " + actual.get(i));
            }
        }
        assertTrue(located > 30_000, "too few points on land to mean anything: " + located);
        assertEquals(List.of(), mismatches);
    }
}
