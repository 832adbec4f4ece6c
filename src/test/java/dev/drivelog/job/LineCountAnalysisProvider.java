package dev.drivelog.job;

import java.util.Map;

/** Registers {@link LineCountAnalysis} (test class path only) as "line-count". */
public final class LineCountAnalysisProvider implements InputAnalysisProvider {
    @Override
    public String name() {
        return "line-count";
    }

    @Override
    public String version(Map<String, String> environment) {
        return "line-count-1";
    }

    @Override
    public InputAnalysis open(Map<String, String> environment) {
        return new LineCountAnalysis();
    }
}
