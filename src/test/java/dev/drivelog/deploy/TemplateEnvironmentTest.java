package dev.drivelog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.drivelog.config.ReconcileConfig;
import dev.drivelog.job.PipelineSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The functions' environments in template.yaml must configure them as intended: a variable spelled
 * wrong (say one underscore instead of two) would be silently ignored by the config loader.
 */
class TemplateEnvironmentTest {
    /** A leading zero, as some accounts have: it must survive the environment override. */
    private static final String ACCOUNT_ID = "012345678901";
    private static final Path TEMPLATE = Path.of(System.getProperty("drivelog.repo.dir", "."), "template.yaml");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9:.]+)}");

    /** The environment of the function with an event of {@code eventType}, as the loader would see it deployed. */
    private static Map<String, String> environmentOf(SamTemplate template, String eventType) {
        String function = template.resourcesOfType("AWS::Serverless::Function").stream()
                .filter(f -> SamTemplate.map(template.properties(f).get("Events")).values().stream()
                        .anyMatch(e -> eventType.equals(SamTemplate.map(e).get("Type"))))
                .findFirst().orElseThrow(() -> new AssertionError("template.yaml has no function with a " + eventType + " event"));
        Map<String, Object> variables = SamTemplate.map(SamTemplate.map(template.properties(function).get("Environment")).get("Variables"));
        Map<String, String> environment = new LinkedHashMap<>();
        variables.forEach((name, value) -> resolve(template, value).ifPresent(text -> environment.put(name, text)));
        environment.remove("DRIVELOG_CONFIG");  // the image's file; the defaults stand in for it here
        return environment;
    }

    /**
     * CloudFormation resolves intrinsics at deploy time; stand in what it would give with the parameters'
     * defaults: a parameter's default (or "resolved-name" when empty), "resolved-name" for a resource,
     * !Sub with each ${...} so replaced, the first branch of an !If; AWS::NoValue removes the variable.
     */
    private static Optional<String> resolve(SamTemplate template, Object value) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        Optional<String> ref = SamTemplate.refTarget(value);
        if (ref.isPresent()) {
            return ref.get().equals("AWS::NoValue") ? Optional.empty() : Optional.of(standIn(template, ref.get()));
        }
        Map<String, Object> function = SamTemplate.map(value);
        if (function.get("Fn::Sub") instanceof String sub) {
            Matcher m = SUB_VARIABLE.matcher(sub);
            return Optional.of(m.replaceAll(r -> Matcher.quoteReplacement(standIn(template, r.group(1)))));
        }
        List<Object> branches = SamTemplate.list(function.get("Fn::If"));
        if (branches.size() == 3) {
            return resolve(template, branches.get(1));
        }
        throw new AssertionError("cannot stand in a value for " + value);
    }

    private static String standIn(SamTemplate template, String name) {
        if (name.equals("AWS::AccountId")) {
            return ACCOUNT_ID;  // the configuration checks that it is one
        }
        Object fallback = SamTemplate.map(template.parameters().get(name)).get("Default");
        return fallback == null || fallback.toString().isEmpty() ? "resolved-" + name.toLowerCase() : fallback.toString();
    }

    @Test
    void functionEnvironment_outputLocationAndBucketOwner_reachPipelineSettings() throws IOException {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        Map<String, String> environment = environmentOf(template, "SQS");
        assertFalse(environment.isEmpty(), "the worker has no environment");

        PipelineSettings settings = PipelineSettings.load(environment);
        assertEquals(environment.get("DRIVELOG_PIPELINE__OUTPUT_BUCKET"), settings.outputBucket(),
                "the template's output bucket variable must set pipeline.output_bucket");
        assertEquals(environment.get("DRIVELOG_PIPELINE__OUTPUT_PREFIX"), settings.outputPrefix(),
                "the template's output prefix variable must set pipeline.output_prefix");
        assertEquals(ACCOUNT_ID, settings.expectedBucketOwner(),
                "the template's expected bucket owner variable must set pipeline.expected_bucket_owner");
    }

    @Test
    void reconcilerEnvironment_reachesReconcileSettingsAndEqualsTheWorkersPipelineSettings() throws IOException {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        Map<String, String> environment = environmentOf(template, "Schedule");

        ReconcileConfig reconcile = PipelineSettings.loadConfig(environment).reconcile();
        assertEquals("s3://resolved-inputbucket/incoming/", reconcile.input(), "the input bucket and InputPrefix's default");
        assertEquals("resolved-inputsuffix", reconcile.inputSuffix(), "InputSuffix when one is given");
        assertEquals("resolved-jobqueue", reconcile.queueUrl());
        assertEquals(3, reconcile.sinceHours(), "ReconcileSinceHours's default");
        assertEquals(PipelineSettings.load(environmentOf(template, "SQS")), PipelineSettings.load(environment),
                "the reconciler must derive result locations from the worker's pipeline settings");
        assertEquals(environmentOf(template, "SQS").get("DRIVELOG_MAP"), environment.get("DRIVELOG_MAP"),
                "the map is part of the result version");
    }
}
