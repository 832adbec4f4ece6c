package dev.drivelog.observability;

/**
 * Time marks through a container's init and first event, printed only when
 * {@code DRIVELOG_STARTUP_TRACE=true}: one line on standard error per mark,
 * {@code startup-trace <epoch ms> <thread> <mark>}, to be set beside the container's start time
 * (docs/BENCHMARKS.md, "Container image"). Off by default, and then a mark costs one field read.
 */
public final class StartupTrace {
    private static final boolean ON = "true".equals(System.getenv("DRIVELOG_STARTUP_TRACE"));

    private StartupTrace() {}

    public static void mark(String what) {
        if (ON) {
            System.err.println("startup-trace " + System.currentTimeMillis() + " " + Thread.currentThread().getName()
                    + " " + what);
        }
    }
}
