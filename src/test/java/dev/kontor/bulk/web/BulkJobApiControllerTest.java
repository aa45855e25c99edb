package dev.kontor.bulk.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.access.internal.KontorUser;
import dev.kontor.bulk.BulkItemStatus;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.shared.Message;
import dev.kontor.shared.NotFoundException;
import dev.kontor.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A bulk job over HTTP: someone else's job is not there; each result reads in the caller's language. */
@ControllerSlice(BulkJobApiController.class)
class BulkJobApiControllerTest {

    private static final Actor SVEN = new Actor(8L, "sven", "Sven", Set.of(Role.SALES));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BulkJobs jobs;

    private static RequestPostProcessor sven() {
        return user(new KontorUser(SVEN, "-", true));
    }

    @Test
    void someoneElsesJobIsNotThere() throws Exception {
        given(jobs.get(any(), eq(9L))).willThrow(new NotFoundException("bulk-job", 9L));
        mvc.perform(get("/api/bulk-jobs/9").with(sven())).andExpect(status().isNotFound());
    }

    @Test
    void eachResultReadsInTheCallersLanguage() throws Exception {
        BulkJob job = new BulkJob(9, "order", "APPROVE", null, 8, "Sven", 1, Instant.now(), Map.of());
        given(jobs.get(any(), eq(9L))).willReturn(job);
        Message refusal = Message.of(
                "order.refused.not-in-state", new Message.Label("enum.OrderAction.APPROVE"), LifecycleStatus.CANCELLED);
        given(jobs.items(any(), eq(9L), anyBoolean(), anyInt(), anyInt()))
                .willReturn(List.of(new BulkJob.Item(1, 42, "SO-000042", BulkItemStatus.REFUSED, refusal)));
        mvc.perform(get("/api/bulk-jobs/9/items").with(sven()).header("Accept-Language", "nb"))
                .andExpect(jsonPath("$[0].number").value("SO-000042"))
                .andExpect(jsonPath("$[0].message").value(org.hamcrest.Matchers.containsString("Annullert")));
        mvc.perform(get("/api/bulk-jobs/9/items").with(sven()).header("Accept-Language", "en"))
                .andExpect(jsonPath("$[0].message").value("\"Approve\" is not possible for an order that is Void."));
    }
}
