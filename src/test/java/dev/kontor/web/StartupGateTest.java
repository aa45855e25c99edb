package dev.kontor.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** Before Kontor is ready nobody gets in (a page that reloads itself, or 503 problem+json); the probes always do. */
class StartupGateTest {

    private final AtomicReference<ReadinessState> readiness = new AtomicReference<>(ReadinessState.REFUSING_TRAFFIC);

    private final ApplicationAvailability availability = new ApplicationAvailability() {
        @Override
        @SuppressWarnings("unchecked")
        public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
            return type == ReadinessState.class ? (S) readiness.get() : defaultState;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends AvailabilityState> S getState(Class<S> type) {
            return type == ReadinessState.class ? (S) readiness.get() : (S) LivenessState.CORRECT;
        }

        @Override
        public <S extends AvailabilityState> AvailabilityChangeEvent<S> getLastChangeEvent(Class<S> type) {
            return null;
        }
    };

    private final OncePerRequestFilter gate = new StartupGate()
            .startupGateFilter(new StaticListableBeanFactory(Map.of("availability", availability))
                    .getBeanProvider(ApplicationAvailability.class))
            .getFilter();

    private MockHttpServletResponse get(String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain());
        return response;
    }

    @Test
    void whileStartingPagesAndTheApiWaitAndTheProbesAnswer() throws Exception {
        MockHttpServletResponse page = get("/login");
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getHeader("Retry-After")).isEqualTo("2");
        assertThat(page.getContentAsString()).contains("Kontor is starting", "http-equiv=\"refresh\"");

        MockHttpServletResponse api = get("/api/orders");
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).startsWith("application/problem+json");

        assertThat(get("/actuator/health/readiness").getStatus()).isEqualTo(200);

        readiness.set(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(get("/login").getStatus()).isEqualTo(200);
    }
}
