package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripResultParser;
import dev.drivelog.job.OutputSink;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: no allocation per point in steady state. With {@code --matched} a result is mostly its path,
 * which is read and written from the engine's bytes as they are: what reading and writing a result
 * allocates must not grow with the path's length.
 */
class MatchedPathAllocationTest {
    private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void parseAndWrite_aLongerPath_allocatesNothingPerPosition() throws IOException {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] shortPath = result(1_000);
        byte[] longPath = result(101_000);
        for (int i = 0; i < 5; i++) { // classes loaded, buffers and caches made
            roundTrip(shortPath);
            roundTrip(longPath);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        roundTrip(shortPath);
        long shortBytes = threads.getCurrentThreadAllocatedBytes() - before;
        before = threads.getCurrentThreadAllocatedBytes();
        roundTrip(longPath);
        long longBytes = threads.getCurrentThreadAllocatedBytes() - before;

        double perPosition = (longBytes - shortBytes) / 100_000.0;
        assertTrue(perPosition < 1, "bytes allocated per position of the path: " + perPosition
                + " (" + shortBytes + " for 1,000 positions, " + longBytes + " for 101,000)");
    }

    /** Parse the engine's answer and write the result files into a sink that drops the bytes. */
    private static void roundTrip(byte[] utf8) throws IOException {
        TripResult result = new TripResultParser().parse(utf8);
        ResultFiles files = new ResultFiles(new Discard(), "fleet.csv", true);
        files.write(TripOutcome.analysed("vehicle-7", result.tripId(), 100, result, EMPTY_JSON));
        files.finish(List.of());
    }

    /** A result in the engine's shape with one stretch of {@code positions} positions in its notation. */
    private static byte[] result(int positions) {
        StringBuilder json = new StringBuilder("{\"schema\":\"drivelog.trip/1.5\",\"trip_id\":\"v/t\",\"engine_version\":\"0.4.2\","
                + "\"summary\":{\"points\":1,\"points_used\":1,\"matched_points\":1,\"matched_fraction\":1,\"segments\":1,"
                + "\"distance_m\":1,\"duration_s\":1,\"start_time\":1795161600,\"end_time\":1795161601},\"violations\":[],"
                + "\"events\":[],\"matched\":[{\"osm_way_id\":7,\"road_name\":\"Main Street\",\"start_time\":1795161600.25,"
                + "\"end_time\":1795161601.5,\"forward\":true,\"segment\":0,\"coordinates\":[");
        for (int i = 0; i < positions; i++) {
            // Seven decimals, the last not zero: json_writer.cpp's text of a coordinate.
            json.append(i == 0 ? "[" : ",[").append("13.").append(1_000_000 + i % 899_999 * 10 + 1 + i % 9)
                    .append(",-52.").append(1_234_561 + i % 7 * 1_000).append(']');
        }
        return json.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class Discard implements OutputSink {
        @Override
        public OutputStream open(String fileName, String contentType) {
            return OutputStream.nullOutputStream();
        }

        @Override
        public OutputStream openDatasetPart(String dataset, String partition, String contentType) {
            return OutputStream.nullOutputStream();
        }
    }
}
