package dev.drivelog.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drivelog.cli.DrivelogCommand;
import dev.drivelog.cli.ExitCodes;
import org.junit.jupiter.api.Test;

/** The {@code simulate} command's own checks, made before the native tool runs. */
class SimulateCommandTest {
    @Test
    void execute_setWithoutValue_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("simulate", "--map", "town.dlmap", "--out", "sim",
                "--set", "outlier-rate"));
    }

    @Test
    void execute_setWithDashes_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("simulate", "--map", "town.dlmap", "--out", "sim",
                "--set", "--outlier-rate=0.1"));
    }

    @Test
    void execute_negativeTrips_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("simulate", "--map", "town.dlmap", "--out", "sim",
                "--trips", "-1"));
    }

    @Test
    void execute_missingMapOption_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("simulate", "--out", "sim"));
    }
}
