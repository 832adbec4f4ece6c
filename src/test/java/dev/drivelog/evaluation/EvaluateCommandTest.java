package dev.drivelog.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drivelog.cli.DrivelogCommand;
import dev.drivelog.cli.ExitCodes;
import org.junit.jupiter.api.Test;

class EvaluateCommandTest {
    private static String dir(String fixture, String side) {
        return EvaluatorTest.fixture(fixture).resolve(side).toString();
    }

    @Test
    void execute_validFixture_succeeds() {
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("evaluate", "--truth", dir("mixed", "truth"),
                "--results", dir("mixed", "results")));
    }

    @Test
    void execute_withDetails_succeeds() {
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("evaluate", "--truth", dir("mixed", "truth"),
                "--results", dir("mixed", "results"), "--details"));
    }

    @Test
    void execute_missingDirectory_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("evaluate", "--truth", dir("mixed", "no-such-dir"),
                "--results", dir("mixed", "results")));
    }

    @Test
    void execute_negativeSlack_isUsageError() {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("evaluate", "--truth", dir("mixed", "truth"),
                "--results", dir("mixed", "results"), "--slack-s", "-1"));
    }

    @Test
    void execute_malformedResult_fails() {
        assertEquals(ExitCodes.SOME_FAILED, DrivelogCommand.execute("evaluate", "--truth", dir("bad-json", "truth"),
                "--results", dir("bad-json", "results")));
    }

    @Test
    void execute_helpForSimulateAndEvaluate_succeeds() {
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("simulate", "--help"));
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("evaluate", "--help"));
    }
}
