package dev.kontor.payments.web;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.kontor.payments.Checkout;
import dev.kontor.payments.Checkouts;
import dev.kontor.payments.PaymentState;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Address;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.ShopSettings;
import dev.kontor.web.Languages;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The customer's payment page, {@code /pay/{token}}: public (the token is the key), in the customer's language
 * unless they pick another. An unknown, expired or closed link gets a friendly page that says nothing about any
 * order. Paying posts back here and is redirected (a reload never posts twice; a retried post finds the first
 * attempt).
 */
@Controller
class PayPageController {

    private final Checkouts checkouts;
    private final Messages messages;
    private final String shopName;

    PayPageController(Checkouts checkouts, Messages messages, ShopSettings shop) {
        this.checkouts = checkouts;
        this.messages = messages;
        this.shopName = shop.name();
    }

    @GetMapping("/pay/{token}")
    String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Checkout.View view = checkouts.view(token);
        useLanguage(view, request);
        model.addAttribute("shop", shopName);
        model.addAttribute("view", view);
        model.addAttribute("kind", view.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        if (view instanceof Checkout.Open open && !model.containsAttribute("form")) {
            model.addAttribute("form", PayForm.forOrder(open));
        }
        if (!(view instanceof Checkout.Open) && !(view instanceof Checkout.Done)) {
            response.setStatus(view instanceof Checkout.Unknown ? 404 : 410);
        }
        return "pay/page";
    }

    @PostMapping("/pay/{token}")
    String pay(
            @PathVariable String token,
            @ModelAttribute PayForm form,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        useLanguage(checkouts.view(token), request);
        try {
            Checkout.Result result = checkouts.pay(token, form.input());
            if (result.state() == PaymentState.FAILED) {
                redirect.addFlashAttribute(
                        "error",
                        messages.get(Optional.ofNullable(result.messageKey()).orElse("pay.card.declined")));
                redirect.addFlashAttribute("form", form);
            } else if (result.messageKey() != null && result.state() != PaymentState.SUCCEEDED) {
                redirect.addFlashAttribute("notice", messages.get(result.messageKey()));
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
            redirect.addFlashAttribute(
                    "invalid", e.problems().stream().map(p -> p.field()).toList());
            redirect.addFlashAttribute("form", form);
        } catch (ActionRefusedException e) {
            redirect.addFlashAttribute("error", messages.of(e));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/pay/" + token;
    }

    /**
     * The link's language, unless the visitor chose one ({@code ?lang=} now, or earlier: the language cookie).
     * Sets it for this request only, so a colleague opening the link keeps their back-office language.
     */
    private static void useLanguage(Checkout.View view, HttpServletRequest request) {
        if (request.getParameter("lang") != null || WebUtils.getCookie(request, Languages.COOKIE) != null) {
            return;
        }
        String language = null;
        if (view instanceof Checkout.Open open) {
            language = open.link().language();
        } else if (view instanceof Checkout.Done done) {
            language = done.link().language();
        } else if (view instanceof Checkout.Expired expired) {
            language = expired.language();
        } else if (view instanceof Checkout.Closed closed) {
            language = closed.language();
        }
        Languages.parse(language).ifPresent(locale -> {
            request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
            LocaleContextHolder.setLocale(locale);
        });
    }

    /** The payment page's form. */
    public static class PayForm implements Serializable {
        private boolean sameAsShipping = true;
        private String billingName;
        private String billingCompany;
        private String billingStreet;
        private String billingPostalCode;
        private String billingCity;
        private String billingCountry;
        private String shipping;
        private String provider;
        private String cardNumber;

        static PayForm forOrder(Checkout.Open open) {
            PayForm form = new PayForm();
            Address billing = open.order().content().billingAddress();
            Address shipping = open.order().content().shippingAddress();
            Address shown = billing != null ? billing : shipping;
            form.sameAsShipping = billing == null || billing.equals(shipping);
            if (shown != null) {
                form.billingName = shown.name();
                form.billingCompany = shown.company();
                form.billingStreet = shown.street();
                form.billingPostalCode = shown.postalCode();
                form.billingCity = shown.city();
                form.billingCountry = shown.country();
            }
            form.shipping = open.shipping().stream()
                    .filter(m -> m.price() == open.order().content().shipping())
                    .map(m -> m.code())
                    .findFirst()
                    .orElse(Checkouts.AGREED_SHIPPING);
            form.provider =
                    open.providers().isEmpty() ? null : open.providers().get(0).code();
            return form;
        }

        Checkout.Input input() {
            Address billing = sameAsShipping
                    ? null
                    : new Address(
                            billingName,
                            billingCompany,
                            billingStreet,
                            null,
                            billingPostalCode,
                            billingCity,
                            null,
                            billingCountry,
                            null);
            return new Checkout.Input(
                    billing, shipping, provider, cardNumber == null ? Map.of() : Map.of("cardNumber", cardNumber));
        }

        public boolean isSameAsShipping() {
            return sameAsShipping;
        }

        public void setSameAsShipping(boolean v) {
            this.sameAsShipping = v;
        }

        public String getBillingName() {
            return billingName;
        }

        public void setBillingName(String v) {
            this.billingName = v;
        }

        public String getBillingCompany() {
            return billingCompany;
        }

        public void setBillingCompany(String v) {
            this.billingCompany = v;
        }

        public String getBillingStreet() {
            return billingStreet;
        }

        public void setBillingStreet(String v) {
            this.billingStreet = v;
        }

        public String getBillingPostalCode() {
            return billingPostalCode;
        }

        public void setBillingPostalCode(String v) {
            this.billingPostalCode = v;
        }

        public String getBillingCity() {
            return billingCity;
        }

        public void setBillingCity(String v) {
            this.billingCity = v;
        }

        public String getBillingCountry() {
            return billingCountry;
        }

        public void setBillingCountry(String v) {
            this.billingCountry = v;
        }

        public String getShipping() {
            return shipping;
        }

        public void setShipping(String v) {
            this.shipping = v;
        }

        public String getProvider() {
            return provider;
        }

        public void setProvider(String v) {
            this.provider = v;
        }
        /** Never sent back to the page: a declined number is typed again. */
        public String getCardNumber() {
            return null;
        }

        public void setCardNumber(String v) {
            this.cardNumber = v;
        }
    }
}
