package dev.drivelog.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads config/drivelog.yaml into a validated {@link DrivelogConfig}. Which level wins: an environment
 * variable ({@link EnvironmentOverrides}) over the file, the file over the records' defaults.
 * YAML is read with SnakeYAML's SafeConstructor (plain maps, lists and scalars only), duplicate
 * keys refused, and limits on size, nesting and aliases. Every error is a {@link ConfigException}
 * that names the key path and where the value came from (file and line, or the variable).
 */
public final class ConfigLoader {
    /** Largest config file in characters: a config is small; anything bigger is a mistake. */
    static final int MAX_CODE_POINTS = 1 << 20;
    /** Two or more digits with a leading zero, e.g. 0600 or 012345678901. */
    private static final Pattern LEADING_ZERO_DIGITS = Pattern.compile("0[0-9]+");

    private ConfigLoader() {
    }

    /** Defaults plus environment overrides, for when there is no file. */
    public static DrivelogConfig fromEnvironment(Map<String, String> environment) {
        return fromYaml("", "defaults", environment);
    }

    /** Reads {@code file}, then applies overrides from {@code environment} (pass System.getenv()). */
    public static DrivelogConfig load(Path file, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", file + ": config file not found");
        } catch (IOException e) {
            throw new ConfigException("", file + ": cannot read config file: " + e.getMessage());
        }
        return fromYaml(text, file.toString(), environment);
    }

    /**
     * @param yaml        the YAML text
     * @param sourceName  named in messages (usually the file path)
     * @param environment variables; those named {@code DRIVELOG_<SECTION>__<KEY>} override keys
     */
    public static DrivelogConfig fromYaml(String yaml, String sourceName, Map<String, String> environment) {
        Map<String, Object> tree = parseTree(yaml, sourceName);
        Map<String, String> variables = new HashMap<>();
        for (EnvironmentOverrides.Override override : EnvironmentOverrides.from(environment)) {
            Object value = parseScalar(override);
            try {
                EnvironmentOverrides.apply(tree, override, value);
            } catch (ConfigException e) {
                throw e.withOrigin("environment variable " + override.variable());
            }
            variables.put(override.keyPath(), override.variable());
        }
        try {
            return DrivelogConfig.from(new ConfigSection("", tree));
        } catch (ConfigException e) {
            // The key lines only serve this message: composing the text for them costs as much again
            // as reading it (on every container's init), and a valid configuration needs none.
            throw e.withOrigin(origin(e.keyPath(), sourceName, keyLines(yaml), variables));
        }
    }

    private static String origin(String keyPath, String sourceName, Map<String, Integer> lines,
                                 Map<String, String> variables) {
        // The longest prefix of the key path that something set says who is to blame.
        for (String path = keyPath; !path.isEmpty(); path = parent(path)) {
            String variable = variables.get(path);
            if (variable != null) {
                return "environment variable " + variable;
            }
            Integer line = lines.get(path);
            if (line != null) {
                return sourceName + " line " + line;
            }
        }
        return sourceName;
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static Map<String, Object> parseTree(String yaml, String sourceName) {
        Object root;
        try {
            root = yaml().load(yaml);
        } catch (MarkedYAMLException e) {
            throw new ConfigException("", sourceName + " " + where(e) + ": " + oneLine(e));
        } catch (YAMLException e) {
            throw new ConfigException("", sourceName + ": " + e.getMessage());
        }
        if (root == null) {
            return new LinkedHashMap<>();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigException("", sourceName + ": must be a mapping of sections (logs:, analysis:, ...)");
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        map.forEach((k, v) -> tree.put(String.valueOf(k), v));
        return tree;
    }

    private static String where(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String oneLine(MarkedYAMLException e) {
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return context + (e.getProblem() == null ? e.getMessage() : e.getProblem());
    }

    /** Key path -> 1-based line of the key, for messages about values found valid as YAML but refused. */
    private static Map<String, Integer> keyLines(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        Node root = yaml().compose(new java.io.StringReader(yaml));
        if (root instanceof MappingNode mapping) {
            collectLines("", mapping, lines);
        }
        return lines;
    }

    private static void collectLines(String prefix, MappingNode mapping, Map<String, Integer> lines) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                String path = prefix.isEmpty() ? key.getValue() : prefix + "." + key.getValue();
                lines.put(path, key.getStartMark().getLine() + 1);
                if (tuple.getValueNode() instanceof MappingNode nested) {
                    collectLines(path, nested, lines);
                }
            }
        }
    }

    private static Object parseScalar(EnvironmentOverrides.Override override) {
        if (override.text().isBlank()) {
            throw new ConfigException(override.keyPath(), "empty value").withOrigin(
                    "environment variable " + override.variable());
        }
        if (LEADING_ZERO_DIGITS.matcher(override.text()).matches()) {
            // YAML 1.1 would read 0123 as octal and 012345678901 as a float: an account id or any
            // such value set from the environment stays the text it was written as.
            return override.text();
        }
        Object value;
        try {
            value = yaml().load(override.text());
        } catch (YAMLException e) {
            value = override.text();
        }
        if (value instanceof Map || value instanceof List) {
            // Lists are allowed (analysis values); mappings would hide keys from the name-based mapping.
            if (value instanceof Map) {
                throw new ConfigException(override.keyPath(), "must be a plain value, not a mapping").withOrigin(
                        "environment variable " + override.variable());
            }
        }
        return value;
    }
}
