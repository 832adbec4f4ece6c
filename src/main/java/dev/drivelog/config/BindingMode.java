package dev.drivelog.config;

/** How the Java side calls the native engine: in-process through FFM, or a {@code drivelog-analyze --serve} child. */
public enum BindingMode {
    FFM,
    PROCESS
}
