package dev.drivelog.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded template with typed access to its sections. Navigation returns empty maps and lists for
 * what is absent, so that a check reports "missing X" rather than failing with a NullPointerException.
 */
record SamTemplate(Map<String, Object> root) {

    static SamTemplate load(Path file) throws IOException {
        return new SamTemplate(CloudFormationYaml.load(file));
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    Map<String, Object> parameters() {
        return map(root.get("Parameters"));
    }

    Map<String, Object> mappings() {
        return map(root.get("Mappings"));
    }

    Map<String, Object> outputs() {
        return map(root.get("Outputs"));
    }

    Map<String, Object> resource(String logicalId) {
        return map(resources().get(logicalId));
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    /** Logical ids of all resources of one type, in template order. */
    List<String> resourcesOfType(String type) {
        return resources().entrySet().stream()
                .filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The parameter a value refers to with {@code Ref}, if it is such a reference. */
    Optional<Map<String, Object>> referencedParameter(Object value) {
        return refTarget(value).filter(parameters()::containsKey).map(name -> map(parameters().get(name)));
    }

    static Optional<String> refTarget(Object value) {
        return value instanceof Map<?, ?> m && m.size() == 1 && m.get("Ref") instanceof String s
                ? Optional.of(s) : Optional.empty();
    }

    /** The logical id in {@code Fn::GetAtt [Id, attribute]}, if the value is that attribute of a resource. */
    static Optional<String> getAttTarget(Object value, String attribute) {
        if (value instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> args
                && args.size() == 2 && attribute.equals(args.get(1)) && args.get(0) instanceof String id) {
            return Optional.of(id);
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    static List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return value == null ? List.of() : List.of(value);
    }
}
