package dev.kontor.documents.web;

import dev.kontor.documents.Document;
import dev.kontor.documents.DocumentLinks;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.ShopSettings;
import dev.kontor.web.Languages;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * A customer's link ({@code /d/{token}}), without signing in: a page in the document's language with the PDF to
 * download and, for a quote, the button to accept it; a friendly page when the link expired or was revoked, and one
 * that says nothing about anything when it never existed.
 */
@Controller
class DocumentLinkController {

    private final DocumentLinks links;
    private final Messages messages;
    private final String shopName;

    DocumentLinkController(DocumentLinks links, Messages messages, ShopSettings shop) {
        this.links = links;
        this.messages = messages;
        this.shopName = shop.name();
    }

    @GetMapping("/d/{token}")
    String page(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        DocumentLinks.Opened opened = links.open(token);
        model.addAttribute("shop", shopName);
        model.addAttribute("token", token);
        if (opened instanceof DocumentLinks.Opened.Found found) {
            useLanguage(found.document().language(), request);
            model.addAttribute("document", found.document());
            model.addAttribute("state", "found");
        } else if (opened instanceof DocumentLinks.Opened.Gone gone) {
            useLanguage(gone.language(), request);
            response.setStatus(410);
            model.addAttribute("state", "gone");
        } else {
            response.setStatus(404);
            model.addAttribute("state", "unknown");
        }
        return "documents/link";
    }

    @GetMapping("/d/{token}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token) {
        DocumentLinks.Opened opened = links.open(token);
        if (!(opened instanceof DocumentLinks.Opened.Found found)) {
            return ResponseEntity.status(opened instanceof DocumentLinks.Opened.Gone ? 410 : 404)
                    .build();
        }
        return links.pdf(token)
                .map(bytes -> DocumentHttp.pdf(found.document(), bytes))
                .orElseGet(() -> ResponseEntity.status(410).build());
    }

    @PostMapping("/d/{token}/accept")
    String accept(@PathVariable String token, HttpServletRequest request, RedirectAttributes redirect) {
        if (links.open(token) instanceof DocumentLinks.Opened.Found found) {
            useLanguage(found.document().language(), request);
        }
        try {
            Document quote = links.accept(token);
            redirect.addFlashAttribute("notice", messages.get("document.link.accepted", quote.number()));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.get("document.link.accept-failed"));
        }
        return "redirect:/d/" + token;
    }

    private static void useLanguage(String language, HttpServletRequest request) {
        if (request.getParameter("lang") != null || WebUtils.getCookie(request, Languages.COOKIE) != null) {
            return;
        }
        Languages.parse(language).ifPresent(locale -> {
            request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
            LocaleContextHolder.setLocale(locale);
        });
    }
}
