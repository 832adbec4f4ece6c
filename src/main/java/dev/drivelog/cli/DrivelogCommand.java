package dev.drivelog.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code drivelog} command line: one subcommand per job, each with {@code --help}. */
@Command(
        name = "drivelog",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Finds traffic violations in GPS drive logs against an OpenStreetMap road network.",
        subcommands = {CommandLine.HelpCommand.class, MapCommand.class, AnalyzeCommand.class, SimulateCommand.class,
            EvaluateCommand.class, DemoCommand.class, WorkerCommand.class, ReconcileCommand.class, ReportCommand.class})
public final class DrivelogCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (0 ok, 1 some inputs failed, 2 usage or config error). */
    public static int execute(String... args) {
        return new CommandLine(new DrivelogCommand())
                .setExitCodeExceptionMapper(ExitCodes::forException)
                .setExecutionExceptionHandler(ExitCodes::report)
                .execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command; see drivelog --help");
    }
}
