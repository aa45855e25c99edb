package dev.kontor.web;

import dev.kontor.shared.KontorException;
import dev.kontor.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Refusals a page controller did not handle itself: a missing thing shows the 404 page; any other refusal
 * goes back where the user came from with the reason on top (htmx requests get the reason as a fragment).
 */
@ControllerAdvice(annotations = Controller.class)
class WebErrors {

    private final Messages messages;

    WebErrors(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        model.addAttribute("known", true);
        return "error";
    }

    @ExceptionHandler(KontorException.class)
    String refused(
            KontorException e,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
            model.addAttribute("message", messages.of(e));
            return "fragments/flash :: error";
        }
        redirect.addFlashAttribute("error", messages.of(e));
        String back = request.getHeader("Referer");
        return "redirect:" + (back != null && isSameSite(back, request) ? back : "/");
    }

    private static boolean isSameSite(String url, HttpServletRequest request) {
        String origin = request.getScheme() + "://" + request.getServerName();
        return url.startsWith(origin) || url.startsWith("/");
    }
}
