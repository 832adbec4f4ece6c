package dev.drivelog.config;

/**
 * The {@code output:} section: what is written per input. Owned by the outputs concern, which adds
 * its fields here (read them in {@link #from} with the section's getters, defaults in DEFAULTS).
 */
public record OutputConfig() {

    public static final OutputConfig DEFAULTS = new OutputConfig();

    public static OutputConfig from(ConfigSection section) {
        section.refuseUnknownKeys();
        return DEFAULTS;
    }
}
