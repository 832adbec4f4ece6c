package dev.drivelog.analysis.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.GridDrives;
import dev.drivelog.analysis.NativeLibrary;
import dev.drivelog.logs.Trip;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downcalls are linked on first use: a container's init links the engine's and the CSV scanner's only,
 * another format's scanner is linked by its first log and then reads it, and a symbol the library
 * lacks fails every call with its name (docs/BENCHMARKS.md, "Handler init time").
 */
class LazyDowncallTest {
    private static final List<String> LINKED_BY_A_LOG = List.of("drivelog_jsonl_scan", "drivelog_gpx_scan",
            "drivelog_nmea_scan");

    @TempDir
    Path dir;

    @Test
    void containerInit_linksEngineAndCsvOnly_nmeaScannerLinkedAndReadingAtFirstNmeaLog() throws Exception {
        Path log = dir.resolve("drive.nmea");
        Files.writeString(log, nmea(GridDrives.trips().getFirst()), StandardCharsets.US_ASCII);

        List<String> lines = probe(GridDrives.map(), log, dir.resolve("out"));

        List<String> afterInit = linked(lines, "after init: ");
        assertTrue(afterInit.containsAll(List.of("drivelog_analyze", "drivelog_analyzer_create", "drivelog_csv_scan")),
                afterInit.toString());
        LINKED_BY_A_LOG.forEach(name -> assertFalse(afterInit.contains(name), name + " linked in init: " + afterInit));
        List<String> afterLog = linked(lines, "after log: ");
        assertTrue(afterLog.contains("drivelog_nmea_scan"), afterLog.toString());
        assertFalse(afterLog.contains("drivelog_gpx_scan") || afterLog.contains("drivelog_jsonl_scan"), afterLog.toString());
        String report = lines.stream().filter(line -> line.startsWith("report: ")).findFirst().orElseThrow();
        assertTrue(report.startsWith("report: trips 1 points " + GridDrives.trips().getFirst().count() + " failed 0 "), report);
        assertTrue(report.contains("speeding"), report);
    }

    @Test
    void handle_symbolTheLibraryLacks_sameClearErrorOnEveryCall() {
        NativeLibrary library = NativeLibrary.get();
        NativeFunctions.Downcall missing = new NativeFunctions(library).new Downcall("drivelog_no_such_function",
                FunctionDescriptor.ofVoid());

        for (int call = 0; call < 2; call++) {
            IllegalStateException e = assertThrows(IllegalStateException.class, missing::handle);
            assertEquals("native library " + library.file() + " lacks drivelog_no_such_function", e.getMessage());
        }
        assertFalse(missing.isLinked());
    }

    @Test
    void handle_manyThreadsAtFirstUse_oneHandleForAll() throws Exception {
        NativeFunctions functions = new NativeFunctions(NativeLibrary.get());
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MethodHandle>> handles = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                handles.add(pool.submit(() -> {
                    start.await();
                    return functions.nmeaScan.handle();
                }));
            }
            start.countDown();
            for (Future<MethodHandle> handle : handles) {
                assertSame(handles.getFirst().get(), handle.get());
            }
        }
        assertEquals(List.of("drivelog_nmea_scan"), functions.linkedNames());
    }

    /** Runs {@link InitLinksProbe} in a JVM of its own (this one has linked everything already); its output lines. */
    private static List<String> probe(Path map, Path log, Path out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Ddrivelog.native.dir=" + System.getProperty("drivelog.native.dir"),
                "-Dslf4j.provider=org.slf4j.nop.NOPServiceProvider",
                "-cp", System.getProperty("java.class.path"), InitLinksProbe.class.getName(),
                map.toString(), log.toString(), out.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "probe did not end");
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }

    private static List<String> linked(List<String> lines, String prefix) {
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(
                "no '" + prefix + "' in " + lines));
        return Arrays.asList(line.substring(prefix.length()).split(","));
    }

    /** The trip as a receiver's NMEA log: GGA (HDOP 0.8) and RMC (date, knots, course) per fix. */
    private static String nmea(Trip trip) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < trip.count(); i++) {
            ZonedDateTime t = Instant.ofEpochMilli(Math.round(trip.timeSeconds()[i] * 1000)).atZone(ZoneOffset.UTC);
            String time = String.format(Locale.ROOT, "%02d%02d%05.2f", t.getHour(), t.getMinute(),
                    t.getSecond() + t.getNano() / 1e9);
            String date = String.format(Locale.ROOT, "%02d%02d%02d", t.getDayOfMonth(), t.getMonthValue(), t.getYear() % 100);
            String position = angle(trip.lat()[i], 2) + ",N," + angle(trip.lon()[i], 3) + ",E";
            text.append(sentence("GPGGA," + time + "," + position + ",1,08,0.8,35.0,M,40.0,M,,"));
            text.append(sentence(String.format(Locale.ROOT, "GPRMC,%s,A,%s,%.2f,%.1f,%s,,,A", time, position,
                    trip.speedMps()[i] * 3600.0 / 1852.0, trip.headingDeg()[i], date)));
        }
        return text.toString();
    }

    /** Degrees as NMEA's (d)ddmm.mmmm; the grid lies north and east of 0. */
    private static String angle(double degrees, int degreeDigits) {
        int whole = (int) degrees;
        return String.format(Locale.ROOT, "%0" + degreeDigits + "d%07.4f", whole, (degrees - whole) * 60.0);
    }

    private static String sentence(String body) {
        int checksum = 0;
        for (int i = 0; i < body.length(); i++) {
            checksum ^= body.charAt(i);
        }
        return "$" + body + String.format(Locale.ROOT, "*%02X%n", checksum);
    }
}
