package dev.drivelog.job;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Picks the {@link InputAnalysisProvider}: the one named by {@code DRIVELOG_ANALYSIS}, else the only one present. */
public final class AnalysisSelection {
    private AnalysisSelection() {}

    public static InputAnalysisProvider select(Map<String, String> environment) {
        List<InputAnalysisProvider> providers = ServiceLoader.load(InputAnalysisProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        List<String> names = providers.stream().map(InputAnalysisProvider::name).toList();
        String wanted = environment.get("DRIVELOG_ANALYSIS");
        if (wanted != null && !wanted.isBlank()) {
            return providers.stream().filter(p -> p.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("DRIVELOG_ANALYSIS=" + wanted
                            + " but the class path offers only " + names));
        }
        if (providers.size() == 1) {
            return providers.getFirst();
        }
        if (providers.isEmpty()) {
            throw new IllegalStateException("no drive-log analysis on the class path (no "
                    + InputAnalysisProvider.class.getName() + " registered)");
        }
        throw new IllegalStateException("several analyses on the class path " + names + ": set DRIVELOG_ANALYSIS to one");
    }
}
