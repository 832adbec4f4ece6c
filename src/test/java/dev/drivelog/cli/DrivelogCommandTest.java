package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DrivelogCommandTest {
    @Test
    void run_noCommand_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute());
    }

    @Test
    void run_unknownOption_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("--no-such-option"));
    }

    @Test
    void run_helpOnEveryCommand_succeeds() {
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("--help"));
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("map", "--help"));
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("map", "build", "--help"));
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("map", "info", "--help"));
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("map", "synth", "--help"));
    }
}
