package dev.drivelog.logs;

/** One line or record that cannot be read: skipped and counted by the caller. Cheap (no stack trace). */
final class MalformedRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedRecordException(String problem) {
        super(problem, null, false, false);
    }
}
