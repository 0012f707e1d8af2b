package app.initscope.ui;

import app.initscope.core.experiment.Catalog;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.initscope.core.init.Strategy;
import app.initscope.core.nn.Activation;
import app.initscope.engine.Engine;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SettingsTest {

    private Engine engine;
    private Preferences node;

    @BeforeEach
    void setUp() {
        engine = new Engine(1);
        node = Preferences.userRoot().node("initscope-test-" + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
        engine.close();
    }

    private MainViewModel newModel() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new MainViewModel(new ExperimentService(engine))).get();
    }

    @Test
    void settingsSurviveARestart() throws Exception {
        MainViewModel first = newModel();
        WaitForAsyncUtils.asyncFx(() -> {
            first.draft().integer(Catalog.FAN_IN).set(256);
            first.draft().integer(Catalog.DEPTH).set(4);
            first.draft().whole(Catalog.SEED).set(7);
            first.draft().choice(Catalog.ACTIVATION).set(Activation.RELU);
            first.view().strategyProperty().set(Strategy.HE);
            first.view().logYProperty().set(true);
            new Settings(node).save(first);
            first.cancel();
        }).get();
        MainViewModel second = newModel();
        WaitForAsyncUtils.asyncFx(() -> {
            new Settings(node).restore(second);
            second.cancel();
        }).get();
        assertEquals(256, second.draft().integer(Catalog.FAN_IN).get());
        assertEquals(4, second.draft().integer(Catalog.DEPTH).get());
        assertEquals(7, second.draft().whole(Catalog.SEED).get());
        assertEquals(Activation.RELU, second.draft().choice(Catalog.ACTIVATION).get());
        assertEquals(Strategy.HE, second.view().strategyProperty().get());
        assertEquals(true, second.view().logYProperty().get());
    }

    @Test
    void restoringManySettingsRequestsOneComputation() throws Exception {
        MainViewModel first = newModel();
        WaitForAsyncUtils.asyncFx(() -> {
            first.draft().integer(Catalog.FAN_IN).set(128);
            first.draft().integer(Catalog.SAMPLES).set(64);
            first.draft().integer(Catalog.WIDTH).set(32);
            new Settings(node).save(first);
            first.cancel();
        }).get();
        ExperimentService service = WaitForAsyncUtils.asyncFx(() -> new ExperimentService(engine)).get();
        MainViewModel second = WaitForAsyncUtils.asyncFx(() -> new MainViewModel(service)).get();
        boolean[] waiting = new boolean[1];
        WaitForAsyncUtils.asyncFx(() -> {
            new Settings(node).restore(second);
            waiting[0] = service.hasWaiting();
            second.cancel();
        }).get();
        // one request for the restored state, none for the half-restored ones in between
        assertEquals(false, waiting[0]);
        assertEquals(128, service.requestedProperty().get().fanIn());
        assertEquals(32, service.requestedProperty().get().width());
    }

    @Test
    void absurdOrUnknownStoredValuesKeepTheDefaults() throws Exception {
        node.putInt("fanIn", 99999);
        node.putInt("depth", -3);
        node.put("activation", "swish");
        node.putDouble("windowWidth", 5);
        MainViewModel m = newModel();
        WaitForAsyncUtils.asyncFx(() -> {
            new Settings(node).restore(m);
            m.cancel();
        }).get();
        assertEquals(1000, m.draft().integer(Catalog.FAN_IN).get());
        assertEquals(1, m.draft().integer(Catalog.DEPTH).get());
        assertEquals(Activation.TANH, m.draft().choice(Catalog.ACTIVATION).get());
        assertArrayEquals(new double[] {1280, 720}, new Settings(node).windowSize(1280, 720));
    }

    @Test
    void resetRestoresTheSeedExperimentAndResampleChangesTheSeed() throws Exception {
        MainViewModel m = newModel();
        WaitForAsyncUtils.asyncFx(() -> {
            m.draft().integer(Catalog.FAN_IN).set(64);
            m.draft().choice(Catalog.ACTIVATION).set(Activation.SIGMOID);
            m.resample();
            m.cancel();
        }).get();
        long resampled = m.draft().whole(Catalog.SEED).get();
        assertEquals(false, resampled == 42);
        WaitForAsyncUtils.asyncFx(() -> {
            m.resetToDefaults();
            m.cancel();
        }).get();
        assertEquals(1000, m.draft().integer(Catalog.FAN_IN).get());
        assertEquals(Activation.TANH, m.draft().choice(Catalog.ACTIVATION).get());
        assertEquals(42, m.draft().whole(Catalog.SEED).get());
    }

    /** A store that cannot be written, like preferences under a read-only home. */
    private static final class ReadOnlyStore extends java.util.prefs.AbstractPreferences {
        private final java.util.Map<String, String> values = new java.util.HashMap<>();

        ReadOnlyStore() {
            super(null, "");
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(new String[0]);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return new String[0];
        }

        @Override
        protected java.util.prefs.AbstractPreferences childSpi(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void syncSpi() throws java.util.prefs.BackingStoreException {
            throw new java.util.prefs.BackingStoreException("read-only file system");
        }

        @Override
        protected void flushSpi() throws java.util.prefs.BackingStoreException {
            throw new java.util.prefs.BackingStoreException("read-only file system");
        }
    }

    @Test
    void aStoreThatCannotBeWrittenIsReportedOnceAndTheAppGoesOn() throws Exception {
        java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("app.initscope");
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            MainViewModel model = newModel();
            WaitForAsyncUtils.asyncFx(() -> {
                new Settings(new ReadOnlyStore()).save(model);
                model.cancel();
            }).get();
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().contains("read-only file system"), warnings.getFirst());
        assertTrue(warnings.getFirst().contains("defaults next time"), warnings.getFirst());
    }
}
