package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipeline.expected_bucket_owner is an AWS account id: 12 digits that YAML would happily turn into a
 * number (losing leading zeros, or reading them as octal); it must arrive exactly as written or be refused.
 */
class ExpectedBucketOwnerSettingsTest {
    private static final String KEY = "DRIVELOG_PIPELINE__EXPECTED_BUCKET_OWNER";

    @Test
    void load_default_noOwner() {
        assertNull(PipelineSettings.defaultSettings().expectedBucketOwner());
    }

    @Test
    void load_environmentAccountId_isTheOwner() {
        assertEquals("123456789012", PipelineSettings.load(Map.of(KEY, "123456789012")).expectedBucketOwner());
    }

    @Test
    void load_environmentAccountIdWithLeadingZero_keepsTheZero() {
        // As CloudFormation's AWS::AccountId would set it for such an account: YAML alone would read a float.
        assertEquals("012345678901", PipelineSettings.load(Map.of(KEY, "012345678901")).expectedBucketOwner());
        assertEquals("012345670123", PipelineSettings.load(Map.of(KEY, "012345670123")).expectedBucketOwner());
    }

    @Test
    void load_quotedInFile_keepsTheZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("drivelog.yaml");
        Files.writeString(file, "pipeline:\n  expected_bucket_owner: '000011112222'\n");
        assertEquals("000011112222", PipelineSettings.load(Map.of("DRIVELOG_CONFIG", file.toString())).expectedBucketOwner());
    }

    @Test
    void load_unquotedWithLeadingZeroInFile_refusedNamingKeyAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("drivelog.yaml");
        Files.writeString(file, "pipeline:\n  expected_bucket_owner: 012345670123\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> PipelineSettings.load(Map.of("DRIVELOG_CONFIG", file.toString())));
        assertTrue(e.getMessage().contains("pipeline.expected_bucket_owner") && e.getMessage().contains("line 2")
                && e.getMessage().contains("12-digit"), e.getMessage());
    }

    @Test
    void load_notAnAccountId_refusedNamingVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> PipelineSettings.load(Map.of(KEY, "my-account")));
        assertTrue(e.getMessage().contains("pipeline.expected_bucket_owner") && e.getMessage().contains(KEY), e.getMessage());
    }

    @Test
    void load_otherNumberWithLeadingZeroFromEnvironment_refusedNotReadAsOctal() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PipelineSettings.load(Map.of("DRIVELOG_PIPELINE__MAX_CONNECTIONS", "010")));
        assertTrue(e.getMessage().contains("pipeline.max_connections"), e.getMessage());
    }
}
