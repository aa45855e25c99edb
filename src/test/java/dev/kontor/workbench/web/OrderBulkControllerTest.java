package dev.kontor.workbench.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.access.internal.KontorUser;
import dev.kontor.bulk.BulkJob;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.ControllerSlice;
import dev.kontor.workbench.BulkAction;
import dev.kontor.workbench.OrderBulk;
import dev.kontor.workbench.OrderExport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The bulk bar of an order list: a request it cannot start goes back to the list, saying which field is wrong. */
@ControllerSlice(OrderBulkController.class)
class OrderBulkControllerTest {

    private static final Actor LI_NA = new Actor(7L, "li.na", "Li Na", Set.of(Role.CUSTOMER_SERVICE));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderBulk bulk;

    @MockitoBean
    OrderExport export;

    @MockitoBean
    Orders orders;

    private static RequestPostProcessor liNa() {
        return user(new KontorUser(LI_NA, "-", true));
    }

    @Test
    void anUnknownActionGoesBackToTheListNamingTheAction() throws Exception {
        mvc.perform(post("/orders/bulk")
                        .with(liNa())
                        .with(csrf())
                        .param("action", "explode")
                        .param("ids", "1")
                        .param("query", "lifecycle=NEW"))
                .andExpect(redirectedUrl("/orders?lifecycle=NEW"))
                .andExpect(flash().attribute("error", "Action: \"explode\" is not one of the values."));
        verifyNoInteractions(bulk);
    }

    @Test
    void aHoldWithoutAReasonGoesBackNamingTheReason() throws Exception {
        given(bulk.start(any(), eq(BulkAction.HOLD), any(), any(), any()))
                .willThrow(InvalidInputException.of("reason", "validation.reason.required"));
        mvc.perform(post("/orders/bulk")
                        .with(liNa())
                        .with(csrf())
                        .param("action", "hold")
                        .param("ids", "1", "2"))
                .andExpect(redirectedUrl("/orders"))
                .andExpect(flash().attribute("error", "Reason: Say why."));
    }

    @Test
    void aWholeListStartsOneJobAndShowsItsPage() throws Exception {
        given(orders.today()).willReturn(LocalDate.of(2026, 12, 4));
        given(bulk.startForList(any(), eq(BulkAction.APPROVE), any(), any(), anyString()))
                .willReturn(new BulkJob(9, "order", "APPROVE", null, 7, "Li Na", 120, Instant.now(), Map.of()));
        mvc.perform(post("/orders/bulk")
                        .with(liNa())
                        .with(csrf())
                        .param("action", "approve")
                        .param("all", "true")
                        .param("query", "lifecycle=NEW")
                        .param("page", "page-token"))
                .andExpect(redirectedUrl("/orders/bulk/9"))
                .andExpect(flash().attribute("notice", "Bulk job 9 started for 120 orders."));
        verify(bulk, never()).start(any(), any(), any(), any(List.class), any());
    }
}
