package dev.drivelog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.drivelog.job.PipelineSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The function's environment in template.yaml must configure the pipeline as intended: a variable
 * spelled wrong (say one underscore instead of two) would be silently ignored by the config loader.
 */
class TemplateEnvironmentTest {
    /** A leading zero, as some accounts have: it must survive the environment override. */
    private static final String ACCOUNT_ID = "012345678901";
    private static final Path TEMPLATE = Path.of(System.getProperty("drivelog.repo.dir", "."), "template.yaml");

    @Test
    void functionEnvironment_outputLocationAndBucketOwner_reachPipelineSettings() throws IOException {
        SamTemplate template = SamTemplate.load(TEMPLATE);
        List<String> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty(), "template.yaml has no function");
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) template.properties(functions.getFirst())
                .get("Environment")).get("Variables");

        // CloudFormation resolves !Ref and friends at deploy time; stand in a recognisable value for each
        // (an account id for AWS::AccountId, which the configuration checks is one).
        Map<String, String> environment = new LinkedHashMap<>();
        variables.forEach((name, value) -> environment.put(name, value instanceof String text ? text
                : SamTemplate.refTarget(value).filter("AWS::AccountId"::equals).isPresent() ? ACCOUNT_ID
                : "resolved-" + name.toLowerCase()));
        environment.remove("DRIVELOG_CONFIG");  // the image's file; the defaults stand in for it here

        PipelineSettings settings = PipelineSettings.load(environment);
        assertEquals(environment.get("DRIVELOG_PIPELINE__OUTPUT_BUCKET"), settings.outputBucket(),
                "the template's output bucket variable must set pipeline.output_bucket");
        assertEquals(environment.get("DRIVELOG_PIPELINE__OUTPUT_PREFIX"), settings.outputPrefix(),
                "the template's output prefix variable must set pipeline.output_prefix");
        assertEquals(ACCOUNT_ID, settings.expectedBucketOwner(),
                "the template's expected bucket owner variable must set pipeline.expected_bucket_owner");
    }
}
