package io.newsmetrics.aggregator;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregatorConfigTest {
    private final AggregatorConfig base = AggregatorConfig.defaults("127.0.0.1:9092", Path.of("state"), "host-a:8080");

    @Test
    void hasSafeDefaults() {
        assertEquals(AggregatorConfig.DEFAULT_APPLICATION_ID, base.applicationId());
        assertNull(base.authToken(), "auth is off by default");
        assertEquals(1, base.standbyReplicas());
        assertEquals("host-a", base.advertisedHost());
        assertEquals(8080, base.advertisedPort());
    }

    @Test
    void copiesChangeOneSetting() {
        AggregatorConfig c = base.withAuthToken("t0k").withMaxStandbyLag(5).withForwardTimeout(Duration.ofSeconds(1));
        assertEquals("t0k", c.authToken());
        assertEquals(5, c.maxStandbyLag());
        assertEquals(base.stateDir(), c.stateDir());
        assertEquals(Duration.ofSeconds(1), c.commitInterval());
        assertEquals(Duration.ofMillis(100), c.withCommitInterval(Duration.ofMillis(100)).commitInterval());
        assertFalse(c.toString().contains("t0k"), "the token is never printed");
    }

    @Test
    void refusesBadSettingsWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> AggregatorConfig.defaults("b:1", Path.of("s"), "no-port")).getMessage().contains("advertisedHostPort"));
        assertThrows(IllegalArgumentException.class, () -> AggregatorConfig.defaults("b:1", Path.of("s"), "h:99999"));
        assertThrows(IllegalArgumentException.class, () -> AggregatorConfig.defaults(" ", Path.of("s"), "h:1"));
        assertThrows(IllegalArgumentException.class, () -> base.withHttpThreads(0));
        assertThrows(IllegalArgumentException.class, () -> base.withMaxStandbyLag(-1));
        assertThrows(IllegalArgumentException.class, () -> base.withAuthToken(" "));
        assertThrows(IllegalArgumentException.class, () -> base.withCloseTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> base.withCommitInterval(Duration.ofMillis(-1)));
    }
}
