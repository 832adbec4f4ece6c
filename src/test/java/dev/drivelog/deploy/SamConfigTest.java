package dev.drivelog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SAM path builds and pushes the image once (docs/DEPLOY.md, "Let SAM build and push"): both
 * functions form one SAM build definition, and the example samconfig.toml does not ask for a managed
 * repository per function. What SAM CLI itself does with them is not run here (no SAM CLI on this
 * machine); the rules checked are those of its source (FunctionBuildDefinition equality).
 */
class SamConfigTest {
    private static final Path REPO = Path.of(System.getProperty("drivelog.repo.dir", "."));

    @Test
    void samconfig_noRepositoryPerFunction() throws IOException {
        List<String> settings = Files.readAllLines(REPO.resolve("samconfig.toml")).stream()
                .map(String::strip).filter(line -> !line.startsWith("#")).toList();
        assertFalse(settings.stream().anyMatch(line -> line.matches("resolve_image_repos\\s*=\\s*true")),
                "resolve_image_repos makes one ECR repository per function: the image (and its map layer) is pushed twice");
    }

    @Test
    void template_bothFunctionsFormOneSamBuildDefinition() throws IOException {
        SamTemplate template = SamTemplate.load(REPO.resolve("template.yaml"));
        List<String> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertEquals(2, functions.size(), functions.toString());
        // SAM CLI groups image functions whose package type, image URI, metadata and architecture are equal.
        for (String key : List.of("PackageType", "ImageUri", "Architectures")) {
            assertEquals(template.properties(functions.get(0)).get(key), template.properties(functions.get(1)).get(key), key);
        }
        Map<String, Object> metadata = SamTemplate.map(template.resource(functions.get(0)).get("Metadata"));
        assertEquals(metadata, SamTemplate.map(template.resource(functions.get(1)).get("Metadata")));
        assertTrue(metadata.containsKey("Dockerfile") && metadata.containsKey("DockerContext"), metadata.toString());
        assertFalse(metadata.containsKey("DockerBuildTarget"), "a build target per function would be two builds");
    }

    @Test
    void dockerfile_noBuildKitOnlySyntax() throws IOException {
        // SAM CLI builds without BuildKit unless given --use-buildkit (1.156.0+): RUN --mount and heredocs fail there.
        List<String> lines = Files.readAllLines(REPO.resolve("Dockerfile")).stream().map(String::strip)
                .filter(line -> !line.startsWith("#")).toList();
        assertTrue(lines.stream().noneMatch(line -> line.contains("--mount=") || line.contains("<<")), "BuildKit-only syntax");
        assertTrue(lines.stream().noneMatch(line -> line.matches("(?i)(COPY|ADD)\\s.*--(chmod|link|parents|exclude).*")),
                "BuildKit-only COPY/ADD flags");
    }
}
