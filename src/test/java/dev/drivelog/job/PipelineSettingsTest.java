package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineSettingsTest {
    @Test
    void defaultSettings_matchDocumentedDefaults() {
        PipelineSettings settings = PipelineSettings.defaultSettings();
        assertNull(settings.outputBucket());
        assertEquals("results/", settings.outputPrefix());
        assertEquals(8 * 1024 * 1024, settings.transfers().uploadPartSizeBytes());
        assertEquals(Runtime.getRuntime().availableProcessors(), settings.analysisConcurrency());
    }

    @Test
    void load_fileAndEnvironment_environmentWins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("drivelog.yaml");
        Files.writeString(file, "pipeline:\n  output_bucket: from-file\n  upload_part_size_mib: 16\n");
        PipelineSettings settings = PipelineSettings.load(Map.of("DRIVELOG_CONFIG", file.toString(),
                "DRIVELOG_PIPELINE__OUTPUT_BUCKET", "from-env"));
        assertEquals("from-env", settings.outputBucket());
        assertEquals(16 * 1024 * 1024, settings.transfers().uploadPartSizeBytes());
    }

    @Test
    void load_repositoryConfigFile_isValid() {
        Path repo = Path.of(System.getProperty("drivelog.repo.dir", "."));
        PipelineSettings settings = PipelineSettings.load(Map.of("DRIVELOG_CONFIG", repo.resolve("config/drivelog.yaml").toString()));
        assertEquals(PipelineSettings.defaultSettings(), settings);
    }

    @Test
    void load_unknownKey_namesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("drivelog.yaml");
        Files.writeString(file, "pipeline:\n  part_size: 8\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> PipelineSettings.load(Map.of("DRIVELOG_CONFIG", file.toString())));
        assertTrue(e.getMessage().contains("part_size"), e.getMessage());
    }

    @Test
    void load_partSizeBelowS3Minimum_namesKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.load(Map.of("DRIVELOG_PIPELINE__UPLOAD_PART_SIZE_MIB", "4")));
        assertTrue(e.getMessage().contains("pipeline.upload_part_size_mib"), e.getMessage());
    }

    @Test
    void load_notANumber_namesKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PipelineSettings.load(Map.of("DRIVELOG_PIPELINE__MAX_CONNECTIONS", "many")));
        assertTrue(e.getMessage().contains("pipeline.max_connections"), e.getMessage());
    }

    @Test
    void layoutFor_emptyResultVersion_takesTheSelectedAnalysisVersion() {
        Map<String, String> environment = Map.of("DRIVELOG_ANALYSIS", "line-count", "DRIVELOG_PIPELINE__OUTPUT_PREFIX", "out/");
        assertEquals(new ResultLayout(null, "out/", "line-count-1"), PipelineSettings.load(environment).layoutFor(environment));
    }

    @Test
    void layoutFor_resultVersionSet_usesItWithoutOpeningAnyAnalysis() {
        // An analysis that does not exist would fail the selection, were it asked.
        Map<String, String> environment = Map.of("DRIVELOG_ANALYSIS", "no-such-analysis", "DRIVELOG_PIPELINE__RESULT_VERSION", "v7");
        assertEquals("v7", PipelineSettings.load(environment).layoutFor(environment).resultVersion());
    }

    @Test
    void estimateFor_gzipInput_countsItsDecompressedSize() {
        PipelineSettings settings = PipelineSettings.defaultSettings();
        long stored = 25L * 1024 * 1024;
        // The example: 25 MiB of gzip took 7.6 s but was estimated at 3 s from its stored size.
        assertEquals(Duration.ofSeconds(3), settings.estimateFor(stored, false));
        assertEquals(Duration.ofSeconds(2 + 25 * 5 / 20), settings.estimateFor(stored, true));
        assertEquals(Duration.ofSeconds(2), settings.estimateFor(-1, true), "size unknown: the base estimate");
    }

    @Test
    void threadsPerInput_defaults_inputsTimesThreadsAreAboutTheVcpus() {
        for (int vcpus : new int[] {1, 2, 6}) {
            int inputs = vcpus; // analysis_concurrency 0 = the vCPUs
            int threads = PipelineSettings.threadsPerInput(0, inputs, vcpus);
            assertEquals(vcpus, inputs * threads, vcpus + " vCPUs");
        }
        assertEquals(3, PipelineSettings.threadsPerInput(0, 2, 6), "fewer inputs at once: more threads each");
        assertEquals(6, PipelineSettings.threadsPerInput(0, 1, 6), "one input at a time: all vCPUs for it");
        assertEquals(4, PipelineSettings.threadsPerInput(4, 6, 6), "analysis.binding.threads, when set, wins");
    }
}
