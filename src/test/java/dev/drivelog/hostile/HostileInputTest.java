package dev.drivelog.hostile;

import dev.drivelog.analysis.Analyzer;
import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.LogFileAnalysis;
import dev.drivelog.job.LogsTripSource;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.logs.Trip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The hostile-input corpus ({@link HostileInputChecks}) with a stand-in engine that answers every
 * trip with a fixed clean result: the reader, limits and pipeline alone, without the native build.
 */
class HostileInputTest extends HostileInputChecks {

    /** Answers every trip with the clean fixture result, named after the trip. */
    private static final class CleanAnalyzer implements Analyzer {
        private final String template;

        CleanAnalyzer() {
            try (InputStream in = HostileInputTest.class.getResourceAsStream("/results/no-violations.json")) {
                template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public String analyze(Trip trip) {
            return template.replaceFirst("\"trip_id\": \"[^\"]*\"", "\"trip_id\": \"" + trip.tripId().replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"");
        }

        @Override
        public void close() {}
    }

    @Override
    InputAnalysis openAnalysis() {
        return new LogFileAnalysis(new LogsTripSource(PipelineSettings.loadConfig(Map.of()).logs(), null),
                new CleanAnalyzer(), 2, false, outcome -> { });
    }

    @Override
    String engineVersion() {
        return "hostile-1";
    }
}
