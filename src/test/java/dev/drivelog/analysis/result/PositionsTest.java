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
    void ofText_theEnginesArray_givesItsNumbersAsJacksonReadsThem() {
        String json = "{\"c\":[[13.4123456,52.5], [ -0.0 ,1e-05],[-0,7],[12345678901234567890,-1.5E3]]}";
        byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);
        int start = json.indexOf("[[");
        int end = json.lastIndexOf("]]") + 2;

        Positions positions = Positions.ofText(bytes, start, end, 4, false, false);

        assertTrue(positions.hasText());
        assertSame(bytes, positions.text());
        assertEquals(start, positions.textStart());
        assertEquals(end, positions.textEnd());
        assertEquals(4, positions.size());
        assertArrayEquals(new double[] {13.4123456, 52.5}, positions.get(0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(positions.lon(1)), "a float -0.0 stays negative");
        assertEquals(1e-05, positions.lat(1));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(positions.lon(2)), "an integer -0 is 0.0");
        assertEquals(1.2345678901234567e19, positions.lon(3));
        assertEquals(-1500, positions.lat(3));
        assertEquals("1e-05", new String(bytes, positions.numberStart(3), positions.numberEnd(3) - positions.numberStart(3),
                StandardCharsets.US_ASCII));
        assertThrows(IndexOutOfBoundsException.class, () -> positions.lon(4));
        assertEquals(0, Positions.ofText(bytes, 0, 0, 0, true, true).size());
    }
}
