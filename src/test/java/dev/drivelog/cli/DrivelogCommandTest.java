package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DrivelogCommandTest {
    @Test
    void run_noCommand_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute());
    }

    @Test
    void run_unknownOption_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("--no-such-option"));
    }

    /** Walks the whole command tree, so a command added later cannot ship without --help. */
    @Test
    void run_helpOnEveryCommand_succeeds() {
        List<List<String>> paths = new ArrayList<>();
        collect(DrivelogCommand.commandLine(null), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 10, "expected the full command tree, found " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            assertEquals(ExitCodes.OK, DrivelogCommand.execute(args.toArray(String[]::new)), "drivelog " + args);
        }
    }

    /** A run builds only the command it names; each is registered under its own name, all for --help. */
    @Test
    void commandLine_namedCommandAlone_andEveryCommandForHelp() {
        CommandLine all = DrivelogCommand.commandLine(null);
        assertEquals(List.of("help", "map", "analyze", "simulate", "evaluate", "demo", "worker", "reconcile", "report"),
                List.copyOf(all.getSubcommands().keySet()));
        for (String name : all.getSubcommands().keySet()) {
            CommandLine one = DrivelogCommand.commandLine(name);
            List<String> expected = name.equals("help") ? List.copyOf(all.getSubcommands().keySet()) : List.of(name);
            assertEquals(expected, List.copyOf(one.getSubcommands().keySet()), name);
        }
        assertEquals(all.getSubcommands().keySet(), DrivelogCommand.commandLine("--help").getSubcommands().keySet());
        assertEquals(all.getSubcommands().keySet(), DrivelogCommand.commandLine("no-such-command").getSubcommands().keySet());
    }

    /** --version needs no subcommand: it builds none, and still prints the Java and native versions. */
    @Test
    void version_buildsNoSubcommand_andPrintsBothSides() {
        assertEquals(List.of(), List.copyOf(DrivelogCommand.commandLine("--version").getSubcommands().keySet()));
        assertEquals(List.of(), List.copyOf(DrivelogCommand.commandLine("-V").getSubcommands().keySet()));
        StringWriter out = new StringWriter();
        CommandLine line = DrivelogCommand.commandLine("--version");
        line.setOut(new PrintWriter(out));
        assertEquals(ExitCodes.OK, line.execute("--version"));
        assertTrue(out.toString().startsWith("drivelog "), out.toString());
        assertTrue(out.toString().contains("\nnative "), out.toString());
    }

    @Test
    void run_unknownCommand_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("no-such-command"));
    }

    @Test
    void run_helpOfACommand_succeeds() {
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("help", "analyze"));
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, out);
            }
        });
    }
}
