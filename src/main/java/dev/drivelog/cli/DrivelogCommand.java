package dev.drivelog.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code drivelog} command line: one subcommand per job, each with {@code --help}. */
@Command(
        name = "drivelog",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds traffic violations in GPS drive logs against an OpenStreetMap road network.")
public final class DrivelogCommand implements Runnable {
    /**
     * The subcommands' names, in the order {@code --help} lists them. A run builds only the one it
     * names: picocli reads a command's annotations by reflection in a JVM that has run nothing yet, and
     * the whole tree took some 50 ms of CPU more than one command, for every {@code drivelog analyze}
     * (docs/BENCHMARKS.md, "Start-up of drivelog analyze").
     */
    private static final List<String> SUBCOMMANDS =
            List.of("help", "map", "analyze", "simulate", "evaluate", "demo", "worker", "reconcile", "report");

    /** The standard options that print the version (mixinStandardHelpOptions). */
    private static final List<String> VERSION_OPTIONS = List.of("--version", "-V");

    // A switch, not a map of constructor references: the JDK's AOT cache archives such lambdas with the
    // class that holds them, and one that names a picocli class (Java 5 class files, which it cannot
    // archive) made the cache's creation crash (JDK 25.0.3, archiveHeapWriter.cpp:757).
    private static Object subcommand(String name) {
        return switch (name) {
            case "help" -> new CommandLine.HelpCommand();
            case "map" -> new MapCommand();
            case "analyze" -> new AnalyzeCommand();
            case "simulate" -> new SimulateCommand();
            case "evaluate" -> new EvaluateCommand();
            case "demo" -> new DemoCommand();
            case "worker" -> new WorkerCommand();
            case "reconcile" -> new ReconcileCommand();
            case "report" -> new ReportCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (0 ok, 1 some inputs failed, 2 usage or config error). */
    public static int execute(String... args) {
        return commandLine(args.length > 0 ? args[0] : null).execute(args);
    }

    /**
     * The command line for a run whose first argument is {@code first}: with that subcommand alone when
     * it names one (not {@code help}), with none for {@code --version} (building all nine cost about a
     * CPU-second, for a line of text), else with every one, so that {@code --help}, {@code help X} and
     * the message for an unknown command see them all.
     */
    static CommandLine commandLine(String first) {
        CommandLine line = new CommandLine(new DrivelogCommand());
        if (first != null && !first.equals("help") && SUBCOMMANDS.contains(first)) {
            line.addSubcommand(subcommand(first));
        } else if (first == null || !VERSION_OPTIONS.contains(first)) {
            for (String name : SUBCOMMANDS) {
                line.addSubcommand(subcommand(name));
            }
        }
        // Set after the subcommands are added: picocli hands these to the subcommands present then.
        return line.setExitCodeExceptionMapper(ExitCodes::forException).setExecutionExceptionHandler(ExitCodes::report);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command; see drivelog --help");
    }
}
