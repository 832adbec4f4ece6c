package dev.drivelog.config;

/**
 * The {@code output:} section: what is written per input (docs/OUTPUTS.md).
 *
 * @param matched write the matched path into violations.geojson (LineStrings with way ids and names)
 */
public record OutputConfig(boolean matched) {

    public static final OutputConfig DEFAULTS = new OutputConfig(false);

    public static OutputConfig from(ConfigSection section) {
        OutputConfig config = new OutputConfig(section.booleanValue("matched", DEFAULTS.matched()));
        section.refuseUnknownKeys();
        return config;
    }
}
