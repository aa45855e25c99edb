package dev.kontor.payments.web;

import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.internal.KontorUser;
import dev.kontor.payments.Checkout;
import dev.kontor.payments.Checkouts;
import dev.kontor.payments.PaymentState;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.ControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The customer's payment page refuses what it must, in words a customer reads, and never shows anything of an order
 * for a link that does not work. (The page is public; the slice's default security wants someone signed in, which
 * the controller never looks at.)
 */
@ControllerSlice(PayPageController.class)
class PayPageControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Checkouts checkouts;

    private static RequestPostProcessor visitor() {
        return user(new KontorUser(new Actor(null, "visitor", "Visitor", Set.of()), "-", true));
    }

    @Test
    void anUnknownLinkIs404AndSaysNothingOfAnyOrder() throws Exception {
        given(checkouts.view("nope")).willReturn(new Checkout.Unknown());
        mvc.perform(get("/pay/nope").with(visitor()).header("Accept-Language", "de"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Dieser Zahlungslink funktioniert nicht")));
    }

    @Test
    void aMissingCardNumberSendsTheCustomerBackNamingTheField() throws Exception {
        given(checkouts.view("t0k3n")).willReturn(new Checkout.Unknown());
        given(checkouts.pay(eq("t0k3n"), any()))
                .willThrow(InvalidInputException.of("cardNumber", "validation.required"));
        mvc.perform(post("/pay/t0k3n")
                        .with(visitor())
                        .with(csrf())
                        .param("provider", "test-card")
                        .header("Accept-Language", "en"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/pay/t0k3n"))
                .andExpect(flash().attribute("error", "Card number: Required."))
                .andExpect(flash().attribute("invalid", java.util.List.of("cardNumber")));
    }

    @Test
    void aUsedLinkIsRefusedAndNothingIsCharged() throws Exception {
        given(checkouts.view("t0k3n")).willReturn(new Checkout.Unknown());
        given(checkouts.pay(eq("t0k3n"), any()))
                .willThrow(new ActionRefusedException("pay", "PAID", "pay.refused.used"));
        mvc.perform(post("/pay/t0k3n").with(visitor()).with(csrf()).header("Accept-Language", "en"))
                .andExpect(redirectedUrl("/pay/t0k3n"))
                .andExpect(flash().attribute("error", "This payment link can no longer be used."));
    }

    @Test
    void aDeclinedCardKeepsTheFormAndSaysSo() throws Exception {
        given(checkouts.view("t0k3n")).willReturn(new Checkout.Unknown());
        given(checkouts.pay(eq("t0k3n"), any()))
                .willReturn(new Checkout.Result(PaymentState.FAILED, "pay.card.declined", null));
        mvc.perform(post("/pay/t0k3n").with(visitor()).with(csrf()).header("Accept-Language", "en"))
                .andExpect(redirectedUrl("/pay/t0k3n"))
                .andExpect(flash().attribute("error", containsString("Your card was declined")))
                .andExpect(flash().attributeExists("form"));
    }
}
