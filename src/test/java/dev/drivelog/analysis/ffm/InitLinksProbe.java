package dev.drivelog.analysis.ffm;

import dev.drivelog.job.DrivelogAnalysisProvider;
import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.InputReport;
import dev.drivelog.output.DirectoryOutputSink;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A container's init in a fresh JVM (run by {@link LazyDowncallTest}): the analysis prepared, opened and
 * its result version derived, in the handler's order, then one log read and analysed. Prints the C
 * functions linked after init and after the log, and the log's report.
 *
 * <pre>InitLinksProbe MAP LOG OUT_DIR</pre>
 */
public final class InitLinksProbe {
    private InitLinksProbe() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> environment = Map.of("DRIVELOG_MAP", args[0]);
        Path log = Path.of(args[1]);
        DrivelogAnalysisProvider provider = new DrivelogAnalysisProvider();
        provider.prepare(environment);
        InputAnalysis analysis = provider.open(environment);
        provider.version(environment);  // waits for prepare(), as the handler's init does
        System.out.println("after init: " + String.join(",", NativeFunctions.get().linkedNames()));

        String name = log.getFileName().toString();
        InputReport report;
        try (InputStream input = Files.newInputStream(log)) {
            report = analysis.analyze(name, input, new DirectoryOutputSink(Path.of(args[2]), name, "v1"));
        }
        System.out.println("after log: " + String.join(",", NativeFunctions.get().linkedNames()));
        System.out.println("report: trips " + report.trips() + " points " + report.points() + " failed "
                + report.failedTrips() + " violations " + report.violationCounts());
    }
}
