package dev.drivelog.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drivelog.evaluation.EvaluationReport;
import dev.drivelog.evaluation.EvaluationSettings;
import dev.drivelog.evaluation.Evaluator;
import dev.drivelog.evaluation.TripFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drivelog evaluate}: compares analysis results with the simulator's ground truth and prints JSON. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Compare results (<trip>.json) with ground truth (<trip>.truth.json) and print precision and "
                + "recall per violation type and the share of the route matched to the right way, as JSON.",
                "See docs/SIMULATION.md for how violations are paired."})
final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "DIR", description = "Directory with <trip>.truth.json files.")
    Path truth;

    @Option(names = "--results", required = true, paramLabel = "DIR", description = "Directory with <trip>.json results.")
    Path results;

    @Option(names = "--slack-s", defaultValue = "2.0", paramLabel = "SECONDS",
            description = "Time slack when pairing a found violation with a true one (default: ${DEFAULT-VALUE}).")
    double slackSeconds;

    @Option(names = "--bridge-s", defaultValue = "12.0", paramLabel = "SECONDS",
            description = "Gaps between matched ways up to this long are shared by their neighbours (default: ${DEFAULT-VALUE}).")
    double bridgeSeconds;

    @Option(names = "--route-tolerance-s", paramLabel = "SECONDS",
            description = "How far a matched way's start and end may be off in time (default: one sampling interval "
                    + "of each trip's log, from its truth).")
    Double routeToleranceSeconds;

    @Option(names = "--details", description = "Also list every unpaired violation (missed or false alarm) by trip and time.")
    boolean details;

    @Override
    public Integer call() throws Exception {
        for (Path dir : new Path[] {truth, results}) {
            if (!Files.isDirectory(dir)) {
                throw new UsageException("not a directory: " + dir);
            }
        }
        EvaluationSettings settings;
        try {
            settings = new EvaluationSettings(slackSeconds, bridgeSeconds, routeToleranceSeconds);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        EvaluationReport report = new Evaluator(new TripFileReader(mapper), settings).evaluate(truth, results);
        spec.commandLine().getOut().println(mapper.writeValueAsString(report.toJson(mapper, details)));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
