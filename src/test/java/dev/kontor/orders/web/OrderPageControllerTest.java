package dev.kontor.orders.web;

import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Permissions;
import dev.kontor.access.Role;
import dev.kontor.access.internal.KontorUser;
import dev.kontor.catalog.Inventory;
import dev.kontor.customers.Blacklist;
import dev.kontor.customers.Customers;
import dev.kontor.fields.CustomFields;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.OrderOrganising;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.PermissionDeniedException;
import dev.kontor.shared.StaleVersionException;
import dev.kontor.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The order page's commands: a refusal comes back to the order as a message that says why, naming the field. */
@ControllerSlice(OrderPageController.class)
class OrderPageControllerTest {

    private static final Actor LI_NA = new Actor(7L, "li.na", "Li Na", Set.of(Role.CUSTOMER_SERVICE));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Orders orders;

    @MockitoBean
    OrderLifecycle lifecycle;

    @MockitoBean
    OrderNotes notes;

    @MockitoBean
    OrderOrganising organising;

    @MockitoBean
    Customers customers;

    @MockitoBean
    Blacklist blacklist;

    @MockitoBean
    Permissions permissions;

    @MockitoBean
    Inventory inventory;

    @MockitoBean
    CustomFields customFields;

    private static RequestPostProcessor liNa() {
        return user(new KontorUser(LI_NA, "-", true));
    }

    @Test
    void holdingWithoutAReasonComesBackNamingTheField() throws Exception {
        given(lifecycle.act(any(), eq(42L), eq(3), eq(OrderAction.HOLD), any()))
                .willThrow(InvalidInputException.of("reason", "validation.reason.required"));
        mvc.perform(post("/orders/42/actions/hold").with(liNa()).with(csrf()).param("version", "3"))
                .andExpect(redirectedUrl("/orders/42"))
                .andExpect(flash().attribute("error", "Reason: Say why."));
    }

    @Test
    void aStaleVersionSaysWhoChangedTheOrderMeanwhile() throws Exception {
        given(lifecycle.act(any(), eq(42L), eq(3), eq(OrderAction.APPROVE), any()))
                .willThrow(new StaleVersionException("order", 42L, 4, "Ingrid"));
        mvc.perform(post("/orders/42/actions/approve")
                        .with(liNa())
                        .with(csrf())
                        .param("version", "3")
                        .header("Accept-Language", "de"))
                .andExpect(redirectedUrl("/orders/42"))
                .andExpect(flash().attribute(
                                "error",
                                org.hamcrest.Matchers.startsWith("Ingrid hat diesen Auftrag inzwischen geändert")));
    }

    @Test
    void anActionTheRolesDoNotAllowIsRefusedOnThePage() throws Exception {
        given(lifecycle.act(any(), eq(42L), any(), eq(OrderAction.APPROVE), any()))
                .willThrow(new PermissionDeniedException("ORDER_APPROVE"));
        mvc.perform(post("/orders/42/actions/approve").with(liNa()).with(csrf()))
                .andExpect(redirectedUrl("/orders/42"))
                .andExpect(flash().attributeExists("error"));
    }

    @Test
    void anEmptyNoteIsRefusedNamingTheNote() throws Exception {
        given(notes.add(any(), eq(42L), any(), any()))
                .willThrow(InvalidInputException.of("body", "validation.required"));
        mvc.perform(post("/orders/42/notes").with(liNa()).with(csrf()).param("kind", "INTERNAL"))
                .andExpect(redirectedUrl("/orders/42#notes"))
                .andExpect(flash().attribute("error", "Note: Required."));
    }

    @Test
    void aCommandWithoutTheFormsTokenIsForbiddenAndChangesNothing() throws Exception {
        mvc.perform(post("/orders/42/actions/approve").with(liNa())).andExpect(status().isForbidden());
        verify(lifecycle, never()).act(any(), anyLong(), any(), any(), any());
    }
}
