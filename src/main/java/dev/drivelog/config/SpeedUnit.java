package dev.drivelog.config;

/** A unit in which drive logs report speed, with its factor to metres per second. */
public enum SpeedUnit {
    MPS(1.0),
    KMH(1000.0 / 3600.0),
    KNOTS(1852.0 / 3600.0),
    MPH(1609.344 / 3600.0);

    private final double metersPerSecondPerUnit;

    SpeedUnit(double metersPerSecondPerUnit) {
        this.metersPerSecondPerUnit = metersPerSecondPerUnit;
    }

    public double toMps(double value) {
        return value * metersPerSecondPerUnit;
    }
}
