package dev.drivelog.job;

import java.io.IOError;

/**
 * Which failures end the process rather than one job. Everything else, {@code Error}s included, fails
 * only the job it happened in (its message is retried, the others of the batch go on), as the
 * Powertools batch utility does. Fatal are the {@link VirtualMachineError}s after which nothing the
 * JVM does can be trusted (out of memory, an internal error of the VM) and a broken standard stream
 * ({@link IOError}: no log line or response could be written). These leave the batch: the invocation
 * fails, Lambda's Java runtime interface client exits on exactly these (it treats
 * {@code VirtualMachineError} and {@code IOError} as fatal), and every message of the batch comes
 * back to a fresh container. A {@link StackOverflowError} is a {@code VirtualMachineError} too but is
 * not fatal here: the stack it overflowed is unwound by the time it is caught, and it belongs to one
 * job's input.
 */
public final class FatalErrors {
    private FatalErrors() {}

    public static boolean isFatal(Throwable failure) {
        return (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)) || failure instanceof IOError;
    }
}
