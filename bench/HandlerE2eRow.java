import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table row of bench/handler-e2e.sh (JDK only, run as a source file): reads the benchmark's JSON
 * lines of one input (copy 1, 2, ...) on stdin and prints the row's cells after format and mode, against
 * the engine's points per CPU-second given as the argument. Steady = the median CPU of copies 2 and
 * later; the thread groups are their mean, the largest first.
 */
public final class HandlerE2eRow {
    private static final Pattern NUMBER = Pattern.compile("\"([^\"]+)\":(-?[0-9.]+(?:E-?[0-9]+)?)");

    public static void main(String[] args) throws Exception {
        double enginePps = Double.parseDouble(args[0]);
        List<String> lines = new BufferedReader(new InputStreamReader(System.in)).lines().toList();
        long points = 0;
        double first = 0;
        List<Double> later = new ArrayList<>();
        Map<String, Double> groups = new LinkedHashMap<>();
        for (String line : lines) {
            int split = line.indexOf("\"thread_cpu_s\"");
            Map<String, Double> top = numbers(line.substring(0, split));
            Map<String, Double> threads = numbers(line.substring(split + "\"thread_cpu_s\"".length()));
            points = Math.round(top.get("points"));
            if (top.get("copy") == 1) {
                first = top.get("cpu_s");
            } else {
                later.add(top.get("cpu_s"));
                threads.forEach((name, seconds) -> groups.merge(name, seconds, Double::sum));
            }
        }
        double steady = median(later);
        StringBuilder byThread = new StringBuilder();
        groups.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(5).forEach(e ->
                byThread.append(byThread.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", e.getValue() / later.size())));
        System.out.printf(Locale.ROOT, "%d | %.0f | %.2f | %.2f (%s) | %.0f | %.0f %% | %s |%n", points, enginePps, first,
                steady, later.stream().map(c -> String.format(Locale.ROOT, "%.2f", c)).toList(), points / steady,
                100 * points / steady / enginePps, byThread);
    }

    private static Map<String, Double> numbers(String json) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        Matcher m = NUMBER.matcher(json);
        while (m.find()) {
            numbers.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return numbers;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
