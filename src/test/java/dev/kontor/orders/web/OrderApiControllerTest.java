package dev.kontor.orders.web;

import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.access.internal.KontorUser;
import dev.kontor.orders.GroupCommit;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderEditing;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.OrderOrganising;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The order API's refusals, each a problem+json that says what and names the field, without a database. */
@ControllerSlice(OrderApiController.class)
class OrderApiControllerTest {

    private static final Actor LI_NA = new Actor(7L, "li.na", "Li Na", Set.of(Role.CUSTOMER_SERVICE));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Orders orders;

    @MockitoBean
    OrderIntake intake;

    @MockitoBean
    GroupCommit grouped;

    @MockitoBean
    OrderEditing editing;

    @MockitoBean
    OrderLifecycle lifecycle;

    @MockitoBean
    OrderNotes notes;

    @MockitoBean
    OrderOrganising organising;

    private static RequestPostProcessor liNa() {
        return user(new KontorUser(LI_NA, "-", true));
    }

    @Test
    void anEditAgainstAStaleVersionIs412NamingWhoChangedTheOrder() throws Exception {
        given(editing.edit(any(), eq(42L), eq(3), any()))
                .willThrow(new StaleVersionException("order", 42L, 4, "Ingrid"));
        mvc.perform(put("/api/orders/42")
                        .with(liNa())
                        .with(csrf())
                        .header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\": \"MANUAL\", \"lines\": []}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.changedBy").value("Ingrid"))
                .andExpect(jsonPath("$.currentVersion").value(4))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Ingrid changed this order")));
    }

    @Test
    void holdingWithoutAReasonIs422NamingTheField() throws Exception {
        given(lifecycle.act(any(), eq(42L), any(), eq(OrderAction.HOLD), any()))
                .willThrow(InvalidInputException.of("reason", "validation.reason.required"));
        mvc.perform(post("/api/orders/42/hold").with(liNa()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("Say why."));
    }

    @Test
    void anActionTheRolesDoNotAllowIs403NamingThePermission() throws Exception {
        given(grouped.approve(any(), eq(42L), any())).willThrow(new PermissionDeniedException("ORDER_APPROVE"));
        mvc.perform(post("/api/orders/42/approve").with(liNa()).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.permission").value("ORDER_APPROVE"));
    }

    @Test
    void anActionTheRulesRefuseIs409SayingWhy() throws Exception {
        given(lifecycle.act(any(), eq(42L), any(), eq(OrderAction.CANCEL), any()))
                .willThrow(new ActionRefusedException("cancel", "COMPLETED", "order.refused.not-in-state", "cancel"));
        mvc.perform(post("/api/orders/42/cancel").with(liNa()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.state").value("COMPLETED"))
                .andExpect(jsonPath("$.reason").value("order.refused.not-in-state"));
    }

    @Test
    void anOrderTheUserMayNotSeeIs404() throws Exception {
        given(orders.view(any(), anyLong())).willThrow(new NotFoundException("order", 42L));
        mvc.perform(get("/api/orders/42").with(liNa()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownActionIsNoAddress() throws Exception {
        mvc.perform(post("/api/orders/42/explode").with(liNa()).with(csrf())).andExpect(status().is4xxClientError());
    }
}
