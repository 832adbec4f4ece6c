package dev.drivelog.analysis.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The flat path against the list of pairs it stands for. */
class PositionsTest {
    @Test
    void of_randomPairs_givesThePairsInOrder() {
        Random random = new Random(14);
        for (int round = 0; round < 200; round++) {
            List<double[]> pairs = new ArrayList<>();
            for (int i = random.nextInt(300); i > 0; i--) {
                pairs.add(new double[] {random.nextDouble() * 360 - 180, random.nextDouble() * 180 - 90});
            }

            Positions positions = Positions.of(pairs);

            assertEquals(pairs.size(), positions.size());
            for (int i = 0; i < pairs.size(); i++) {
                assertArrayEquals(pairs.get(i), positions.get(i));
                assertEquals(pairs.get(i)[0], positions.lon(i));
                assertEquals(pairs.get(i)[1], positions.lat(i));
            }
            assertSame(positions, Positions.of(positions));
        }
    }

    @Test
    void get_givesAFreshPair_andTheListCannotBeChanged() {
        Positions positions = new Positions.Builder().add(13.4, 52.5).build();

        positions.get(0)[0] = 0;

        assertEquals(13.4, positions.lon(0));
        assertNotSame(positions.get(0), positions.get(0));
        assertThrows(UnsupportedOperationException.class, () -> positions.add(new double[] {1, 2}));
        assertThrows(IndexOutOfBoundsException.class, () -> positions.lat(1));
    }

    @Test
    void matchedSegment_positionsNotPairs_keepsThemAsAPlainList() {
        List<double[]> withAltitude = List.of(new double[] {13.4, 52.5, 34}, new double[] {13.5, 52.6, 35});

        assertNull(Positions.of(withAltitude));
        MatchedSegment segment = new MatchedSegment(1, "", 0, 1, true, null, withAltitude);

        assertFalse(segment.coordinates() instanceof Positions);
        assertArrayEquals(new double[] {13.5, 52.6, 35}, segment.coordinates().get(1));
        assertInstanceOf(Positions.class,
                new MatchedSegment(1, "", 0, 1, true, null, List.of(new double[] {13.4, 52.5})).coordinates());
    }

    @Test
    void textBuilder_stretchesOneAfterAnother_eachItsOwnNumbers() {
        Positions.TextBuilder builder = new Positions.TextBuilder();
        String[] first = {"13.4123456", "52.5", "-0.0", "1e-05"};
        for (String number : first) {
            builder.add(("x" + number).toCharArray(), 1, number.length());
        }

        Positions one = builder.build();
        builder.add("7.25".toCharArray(), 0, 4).add("-8.5".toCharArray(), 0, 4).add("9.75".toCharArray(), 0, 4);
        double lon = builder.removeLast();
        Positions.Builder rest = builder.toDoubles().add(lon, 10.5);
        Positions two = rest.build();
        Positions empty = builder.build();

        assertTrue(one.hasText());
        assertEquals(2, one.size());
        assertArrayEquals(new double[] {13.4123456, 52.5}, one.get(0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(one.lon(1)));
        assertEquals(1e-05, one.lat(1));
        assertEquals("1e-05", new String(one.text(), one.textStart(3), one.textEnd(3) - one.textStart(3), StandardCharsets.US_ASCII));
        assertFalse(two.hasText());
        assertArrayEquals(new double[] {7.25, -8.5}, two.get(0));
        assertArrayEquals(new double[] {9.75, 10.5}, two.get(1));
        assertEquals(0, empty.size());
    }
}
