package dev.kontor.documents.web;

import dev.kontor.documents.DocumentLinks;
import dev.kontor.shared.ShopSettings;
import dev.kontor.web.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * A customer's download link ({@code /d/{token}}): the PDF as issued, or a friendly page in the document's language
 * when the link expired or was revoked, and one that says nothing about anything when it never existed.
 */
@Controller
class DocumentLinkController {

    private final DocumentLinks links;
    private final String shopName;

    DocumentLinkController(DocumentLinks links, ShopSettings shop) {
        this.links = links;
        this.shopName = shop.name();
    }

    @GetMapping("/d/{token}")
    Object open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        DocumentLinks.Opened opened = links.open(token);
        if (opened instanceof DocumentLinks.Opened.Found found) {
            return DocumentHttp.pdf(found.document(), found.pdf());
        }
        if (opened instanceof DocumentLinks.Opened.Gone gone) {
            if (request.getParameter("lang") == null && WebUtils.getCookie(request, Languages.COOKIE) == null) {
                Languages.parse(gone.language()).ifPresent(locale -> {
                    request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
                    LocaleContextHolder.setLocale(locale);
                });
            }
            response.setStatus(410);
            model.addAttribute("gone", true);
        } else {
            response.setStatus(404);
            model.addAttribute("gone", false);
        }
        model.addAttribute("shop", shopName);
        return "documents/link";
    }
}
