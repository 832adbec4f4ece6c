package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.ConfigException;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.storage.S3ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineStartTest {
    private static final Map<String, String> LINE_COUNT = Map.of("DRIVELOG_ANALYSIS", "line-count");

    /** Records on which thread and with which settings the store would be built; builds none (null). */
    private final List<String> builds = new CopyOnWriteArrayList<>();
    private final Function<PipelineSettings, S3ObjectStore> opener = settings -> {
        builds.add(Thread.currentThread().getName() + " " + settings.transfers().maxConnections());
        return null;
    };

    @AfterEach
    void noStartLeftBehind() {
        PipelineStart.take(LINE_COUNT, opener).store();  // takes an early start a failed test left
    }

    @Test
    void startEarly_thenTakeWithTheSameEnvironment_continuesThatStartWithoutAnother() {
        PipelineStart.startEarly(LINE_COUNT, opener);
        PipelineStart.startEarly(LINE_COUNT, opener);  // a second call starts nothing more
        assertTrue(PipelineStart.earlyPending());

        PipelineStart start = PipelineStart.take(Map.copyOf(LINE_COUNT), opener);
        PipelineStart.Prepared prepared = start.preparedOrThrow();
        start.store();

        assertFalse(PipelineStart.earlyPending());
        assertEquals("line-count", prepared.provider().name());
        assertNotNull(prepared.config());
        assertEquals(List.of("init-s3-client " + prepared.settings().transfers().maxConnections()), builds);
    }

    @Test
    void take_withoutAnEarlyStart_startsOneNow() {
        PipelineStart start = PipelineStart.take(LINE_COUNT, opener);
        assertEquals("line-count", start.preparedOrThrow().provider().name());
        start.store();
        assertEquals(1, builds.size());
    }

    @Test
    void startEarly_forAnotherEnvironment_isDiscardedAndTheTakerStartsItsOwn() {
        PipelineStart.startEarly(Map.of("DRIVELOG_ANALYSIS", "line-count", "DRIVELOG_PIPELINE__MAX_CONNECTIONS", "7"), opener);
        PipelineStart start = PipelineStart.take(Map.of("DRIVELOG_ANALYSIS", "line-count", "DRIVELOG_PIPELINE__MAX_CONNECTIONS", "9"), opener);
        start.store();
        assertTrue(builds.contains("init-s3-client 7"), builds.toString());
        assertTrue(builds.contains("init-s3-client 9"), builds.toString());
        assertEquals(9, start.preparedOrThrow().settings().transfers().maxConnections());
    }

    @Test
    void startEarly_configurationFails_theTakerGetsTheSameFailureAndNoStoreIsBuilt() {
        Map<String, String> environment = Map.of("DRIVELOG_ANALYSIS", "line-count", "DRIVELOG_CONFIG", "/no/such/drivelog.yaml");
        PipelineStart.startEarly(environment, opener);
        PipelineStart start = PipelineStart.take(environment, opener);

        ConfigException failure = assertThrows(ConfigException.class, start::preparedOrThrow);
        assertTrue(failure.getMessage().contains("/no/such/drivelog.yaml: config file not found"), failure.getMessage());
        assertSame(failure, assertThrows(ConfigException.class, start::preparedOrThrow));
        start.discard(failure);
        assertEquals(0, failure.getSuppressed().length, "the store's build failed for the same reason: not news");
        assertTrue(builds.isEmpty());
    }

    @Test
    void startEarly_unknownAnalysis_theTakerGetsTheSelectionsMessage() {
        Map<String, String> environment = Map.of("DRIVELOG_ANALYSIS", "no-such-analysis");
        PipelineStart.startEarly(environment, opener);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                PipelineStart.take(environment, opener)::preparedOrThrow);
        assertTrue(failure.getMessage().startsWith("DRIVELOG_ANALYSIS=no-such-analysis but the class path offers only"),
                failure.getMessage());
    }
}
