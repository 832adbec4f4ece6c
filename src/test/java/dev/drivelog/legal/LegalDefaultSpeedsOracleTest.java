package dev.drivelog.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.westnordost.osm_legal_default_speeds.LegalDefaultSpeeds;
import de.westnordost.osm_legal_default_speeds.RoadType;
import de.westnordost.osm_legal_default_speeds.RoadTypeFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The native evaluation of data/legal_default_speeds.json (src/main/cpp/legal/legal_default_speeds)
 * against the dataset's own consumer, de.westnordost:osm-legal-default-speeds-jvm 1.4, on the tags of
 * every road of the project's real OSM extracts (in their own and in other countries) and on tag
 * combinations generated per country: the same road type, certitude and tags for every one. Route
 * relations are passed to neither (the importer does not read them; docs/SPEED_LIMITS.md).
 */
class LegalDefaultSpeedsOracleTest {

    private static final Path DATASET = Path.of("data/legal_default_speeds.json");
    private static final List<String> EXTRACTS = List.of("tokyo_shibuya_west", "bus", "rome", "harrisburg",
            "pa-access-restriction", "whitelion_bristol_uk", "paris_bss", "baltimore", "ny-access-restriction");

    /** Values a generated way may have per key: road classes, lanes, zones, surfaces, numbers with units. */
    private static final Map<String, List<String>> GENERATED = new LinkedHashMap<>();

    static {
        GENERATED.put("highway", List.of("motorway", "motorway_link", "trunk", "trunk_link", "primary", "secondary",
                "tertiary", "unclassified", "residential", "living_street", "service", "track", "pedestrian", "road"));
        GENERATED.put("lanes", List.of("1", "2", "3", "4", "6", "8", "1.5", "two"));
        GENERATED.put("oneway", List.of("yes", "-1", "no"));
        GENERATED.put("junction", List.of("roundabout", "circular"));
        GENERATED.put("lit", List.of("yes", "no"));
        GENERATED.put("sidewalk", List.of("both", "no", "none", "separate", "left"));
        GENERATED.put("dual_carriageway", List.of("yes", "no"));
        GENERATED.put("motorroad", List.of("yes", "no"));
        GENERATED.put("expressway", List.of("yes"));
        GENERATED.put("surface", List.of("asphalt", "gravel", "dirt", "concrete", "paving_stones"));
        GENERATED.put("tracktype", List.of("grade1", "grade3"));
        GENERATED.put("width", List.of("3", "5", "5.5", "7.6", "9", "12 ft", "25'", "10.5"));
        GENERATED.put("ref", List.of("A 7", "B 27", "N1", "US 30", "I 83", "SR 22", "PA 441", "CG-2", "DN1", "12", "405"));
        GENERATED.put("shoulder", List.of("yes", "both", "no"));
        GENERATED.put("service", List.of("alley", "parking_aisle", "driveway"));
        GENERATED.put("abutters", List.of("residential", "retail", "commercial"));
        GENERATED.put("hazard", List.of("school_zone", "children"));
        GENERATED.put("rural", List.of("yes", "no"));
        GENERATED.put("lane_markings", List.of("no", "yes"));
        GENERATED.put("bicycle_road", List.of("yes"));
        GENERATED.put("maxspeed", List.of("50", "30", "100", "60 mph", "25 mph", "walk", "none", "80"));
        GENERATED.put("maxspeed:hgv", List.of("60", "80"));
        GENERATED.put("maxspeed:bus", List.of("70"));
    }

    @Test
    void getSpeedLimits_realAndGeneratedWays_nativeEvaluationGivesTheSameResult() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Files.readString(DATASET));
        LegalDefaultSpeeds library = library(json);
        List<String> countries = new ArrayList<>();
        json.get("speedLimitsByCountryCode").fieldNames().forEachRemaining(countries::add);

        Set<String> lines = new LinkedHashSet<>();
        List<Map<String, String>> realWays = new ArrayList<>();
        for (String extract : EXTRACTS) {
            Path osm = Path.of("src/test/resources/osm/" + extract + ".osm.pbf");
            for (String line : NativeLines.run(List.of("way-tags", osm.toString()), List.of())) {
                realWays.add(parseTags(line.split("\t", -1), 0));
            }
        }
        // Every real way in five countries (rotating through all of them), the zone countries included.
        for (int i = 0; i < realWays.size(); i++) {
            for (int j = 0; j < 5; j++) {
                lines.add(line(countries.get((i * 7 + j * 53) % countries.size()), realWays.get(i)));
            }
        }
        Random random = new Random(11);
        for (String country : countries) {
            String cc = country.substring(0, 2);
            for (int i = 0; i < 250; i++) {
                Map<String, String> tags = new TreeMap<>();
                for (Map.Entry<String, List<String>> option : GENERATED.entrySet()) {
                    if (option.getKey().equals("highway") || random.nextInt(4) == 0) {
                        tags.put(option.getKey(), option.getValue().get(random.nextInt(option.getValue().size())));
                    }
                }
                if (random.nextInt(3) == 0) {
                    String key = List.of("maxspeed:type", "zone:maxspeed", "source:maxspeed", "maxspeed").get(random.nextInt(4));
                    String zone = List.of("urban", "rural", "motorway", "living_street", "nsl_single", "nsl_dual", "zone30")
                            .get(random.nextInt(7));
                    tags.put(key, cc + ":" + zone);
                }
                lines.add(line(country, tags));
            }
        }

        List<String> input = new ArrayList<>(lines);
        List<String> expected = new ArrayList<>();
        for (String line : input) {
            String[] fields = line.split("\t", -1);
            LegalDefaultSpeeds.Result result = library.getSpeedLimits(fields[0], parseTags(fields, 1), List.of(),
                    (name, evaluate) -> evaluate.invoke());
            expected.add(format(result));
        }
        List<String> actual = NativeLines.run(List.of("speeds"), input);
        assertEquals(expected.size(), actual.size());
        List<String> mismatches = new ArrayList<>();
        int mismatchCount = 0;
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                mismatchCount++;
                if (mismatches.size() < 15) {
                    mismatches.add(input.get(i) + "\n   library: " + expected.get(i) + "\n   native:  " + actual.get(i));
                }
            }
        }
        assertTrue(input.size() > 50_000, "sample too small: " + input.size());
        assertEquals(0, mismatchCount, mismatchCount + " of " + input.size() + " differ:\n" + String.join("\n", mismatches));
    }

    private static LegalDefaultSpeeds library(JsonNode json) {
        Map<String, RoadTypeFilter> filters = new LinkedHashMap<>();
        json.get("roadTypesByName").fields().forEachRemaining(e -> filters.put(e.getKey(), new Filter(
                text(e.getValue(), "filter"), text(e.getValue(), "fuzzyFilter"), text(e.getValue(), "relationFilter"))));
        Map<String, List<RoadType>> limits = new LinkedHashMap<>();
        json.get("speedLimitsByCountryCode").fields().forEachRemaining(e -> {
            List<RoadType> types = new ArrayList<>();
            for (JsonNode entry : e.getValue()) {
                Map<String, String> tags = new LinkedHashMap<>();
                entry.get("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
                types.add(new Type(text(entry, "name"), tags));
            }
            limits.put(e.getKey(), types);
        });
        return new LegalDefaultSpeeds(filters, limits);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> parseTags(String[] fields, int from) {
        Map<String, String> tags = new TreeMap<>();
        for (int i = from; i < fields.length; i++) {
            int eq = fields[i].indexOf('=');
            if (eq > 0) {
                tags.put(fields[i].substring(0, eq), fields[i].substring(eq + 1));
            }
        }
        return tags;
    }

    private static String line(String country, Map<String, String> tags) {
        StringBuilder out = new StringBuilder(country);
        tags.forEach((k, v) -> out.append('\t').append(k).append('=').append(v));
        return out.toString();
    }

    /** As the native tool prints it: road type ("-" for the fallback), certitude, the tags sorted by key. */
    private static String format(LegalDefaultSpeeds.Result result) {
        if (result == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(result.getRoadTypeName() == null ? "-" : result.getRoadTypeName());
        out.append('\t').append(switch (result.getCertitude()) {
            case Exact -> "exact";
            case FromMaxSpeed -> "from_maxspeed";
            case Fuzzy -> "fuzzy";
            case Fallback -> "fallback";
        });
        new TreeMap<>(result.getTags()).forEach((k, v) -> out.append('\t').append(k).append('=').append(v));
        return out.toString();
    }

    private record Filter(String getFilter, String getFuzzyFilter, String getRelationFilter) implements RoadTypeFilter {}

    private record Type(String getName, Map<String, String> getTags) implements RoadType {}
}
