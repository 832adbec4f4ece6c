package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        collect(new CommandLine(new DrivelogCommand()), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 10, "expected the full command tree, found " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            assertEquals(ExitCodes.OK, DrivelogCommand.execute(args.toArray(String[]::new)), "drivelog " + args);
        }
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
