package dev.drivelog.analysis.ffm;

/** The status codes of the C ABI (DRIVELOG_* in drivelog.h). */
final class NativeStatus {
    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int MAP_ERROR = 2;
    static final int INTERNAL = 3;

    private NativeStatus() {}

    static String describe(int status) {
        return switch (status) {
            case OK -> "ok";
            case BAD_INPUT -> "bad input";
            case MAP_ERROR -> "map error";
            case INTERNAL -> "internal error";
            default -> "unknown status " + status;
        };
    }
}
