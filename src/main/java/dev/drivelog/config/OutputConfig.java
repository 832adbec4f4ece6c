package dev.drivelog.config;

/**
 * The {@code output:} section: what is written per input (docs/OUTPUTS.md).
 *
 * @param matched write the matched path into violations.geojson (LineStrings with way ids and names)
 * @param report  also write report.html, a self-contained page with map, speed profile and violations (docs/REPORT.md)
 */
public record OutputConfig(boolean matched, boolean report) {

    public static final OutputConfig DEFAULTS = new OutputConfig(false, false);

    public static OutputConfig from(ConfigSection section) {
        OutputConfig config = new OutputConfig(section.booleanValue("matched", DEFAULTS.matched()),
                section.booleanValue("report", DEFAULTS.report()));
        section.refuseUnknownKeys();
        return config;
    }
}
