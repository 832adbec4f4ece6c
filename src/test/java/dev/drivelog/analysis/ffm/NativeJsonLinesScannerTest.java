package dev.drivelog.analysis.ffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.drivelog.config.BindingMode;
import dev.drivelog.logs.CsvLineScanner;
import dev.drivelog.logs.CsvScanColumns;
import dev.drivelog.logs.JsonScanKeys;
import dev.drivelog.logs.JsonScanLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The binding of drivelog_jsonl_scan: Java arrays in place, the text from an offset of the buffer, the
 * key table as it stands (here empty: the reader's tests, NativeJsonLinesScanDifferentialTest, fill it).
 */
class NativeJsonLinesScannerTest {
    private static final JsonScanLayout LAYOUT = new JsonScanLayout(true, 5.0, 1.0, 1000.0 / 3600.0, 1852.0 / 3600.0,
            1609.344 / 3600.0);

    @Test
    void forBinding_inProcessOnly() {
        assertNotNull(NativeJsonLinesScanner.forBinding(BindingMode.FFM));
        assertNull(NativeJsonLinesScanner.forBinding(BindingMode.PROCESS));
    }

    @Test
    void scan_fromAnOffsetOfTheBuffer_stopsAtAKeyNotInTheTable() {
        String lines = " \t\n\r\n{\"time\":1,\"lat\":1,\"lon\":2}\n";
        byte[] buffer = ("garbage before\n" + lines).getBytes(StandardCharsets.US_ASCII);
        int from = buffer.length - lines.length();
        CsvScanColumns columns = new CsvScanColumns(8);
        CsvLineScanner.Batch batch = NativeJsonLinesScanner.get().start(LAYOUT, new JsonScanKeys(), columns);

        int stop = batch.scan(buffer, from, buffer.length);

        assertEquals(CsvLineScanner.STOP_DEFER, stop, "no key is known yet");
        assertArrayEquals(new long[] {2, " \t\n\r\n".length()}, columns.scanned);
        assertEquals(CsvLineScanner.LINE_SKIPPED, columns.kind[0]);
        assertEquals(CsvLineScanner.LINE_SKIPPED, columns.kind[1]);
    }
}
