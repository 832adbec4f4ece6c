package dev.drivelog.analysis.ffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.BindingMode;
import dev.drivelog.logs.CsvLineScanner;
import dev.drivelog.logs.CsvScanColumns;
import dev.drivelog.logs.CsvScanLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The binding of drivelog_csv_scan: Java arrays in place, the text from an offset of the buffer. */
class NativeCsvScannerTest {
    // vehicle_id,time,lat,lon,speed (km/h)
    private static final CsvScanLayout LAYOUT = new CsvScanLayout((byte) ',',
            new byte[] {CsvScanLayout.KIND_VEHICLE, CsvScanLayout.KIND_TIME, CsvScanLayout.KIND_LAT, CsvScanLayout.KIND_LON,
                    CsvScanLayout.KIND_SPEED},
            new double[] {0, 0, 0, 0, 1000.0 / 3600.0}, 4, 5.0, true);

    @Test
    void forBinding_inProcessOnly() {
        assertNotNull(NativeCsvScanner.forBinding(BindingMode.FFM));
        assertNull(NativeCsvScanner.forBinding(BindingMode.PROCESS));
    }

    @Test
    void scan_fromAnOffsetOfTheBuffer_fillsTheColumnsInPlace() {
        byte[] buffer = ("garbage before\ncar 1,1700000000,52.5,13.25,36\n# note\n\"q\",1,2,3\ncar 2,1700000001,1,2,")
                .getBytes(StandardCharsets.US_ASCII);
        int from = buffer.length - "car 1,1700000000,52.5,13.25,36\n# note\n\"q\",1,2,3\ncar 2,1700000001,1,2,".length();
        CsvScanColumns columns = new CsvScanColumns(8);
        CsvLineScanner.Batch batch = NativeCsvScanner.get().start(LAYOUT, columns);

        int stop = batch.scan(buffer, from, buffer.length);

        assertEquals(CsvLineScanner.STOP_DEFER, stop, "stops before the quoted line");
        assertArrayEquals(new long[] {2, "car 1,1700000000,52.5,13.25,36\n# note\n".length()}, columns.scanned);
        assertEquals(CsvLineScanner.LINE_POINT, columns.kind[0]);
        assertEquals(CsvLineScanner.LINE_SKIPPED, columns.kind[1]);
        assertEquals(1700000000.0, columns.time[0]);
        assertEquals(52.5, columns.lat[0]);
        assertEquals((float) (36 * (1000.0 / 3600.0)), columns.speed[0]);
        assertTrue(Float.isNaN(columns.accuracy[0]));
        assertEquals("car 1", new String(buffer, from + columns.vehicleAt[0], columns.vehicleLength[0],
                StandardCharsets.US_ASCII), "the vehicle's offset is within the scanned text");

        int next = from + (int) columns.scanned[1] + "\"q\",1,2,3\n".length();
        assertEquals(CsvLineScanner.STOP_END, batch.scan(buffer, next, buffer.length), "the last line has no newline");
        assertEquals(0, columns.scanned[0]);
    }
}
