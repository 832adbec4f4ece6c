package dev.drivelog.cli;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * The CPU time (user + system) the whole JVM process has used, every thread together, in nanoseconds:
 * what {@code /usr/bin/time} adds up for the process, read at a point inside it ({@code --stats}).
 */
final class ProcessCpu {
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The process's CPU time so far; -1 where the platform cannot tell. */
    long nanos() {
        return os.getProcessCpuTime();
    }
}
