package dev.drivelog.cli;

import picocli.CommandLine;

/** drivelog's exit codes, the same for every command: 0 ok, 1 some inputs failed, 2 usage or config error. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {}

    static int forException(Throwable t) {
        return t instanceof CommandLine.ParameterException || t instanceof UsageException ? USAGE : SOME_FAILED;
    }

    /** Prints a failure as one line naming what went wrong, not a stack trace (set DRIVELOG_DEBUG=1 for one). */
    static int report(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("drivelog " + commandLine.getCommandName() + ": " + e.getMessage());
        if (System.getenv("DRIVELOG_DEBUG") != null) {
            e.printStackTrace(commandLine.getErr());
        }
        return forException(e);
    }
}
