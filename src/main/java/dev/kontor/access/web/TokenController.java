package dev.kontor.access.web;

import dev.kontor.access.Actor;
import dev.kontor.access.ApiTokens;
import dev.kontor.access.IssuedToken;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's API tokens: make one (shown once), see them, revoke them. */
@Controller
class TokenController {

    private final ApiTokens tokens;
    private final Messages messages;

    TokenController(ApiTokens tokens, Messages messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/account/tokens")
    String list(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.of(actor));
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String create(
            Actor actor,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer expiresInDays,
            Model model) {
        try {
            IssuedToken issued = tokens.issue(actor, name, expiresInDays);
            model.addAttribute("issued", issued);
        } catch (InvalidInputException e) {
            model.addAttribute("nameError", messages.of(e.problems().get(0)));
            model.addAttribute("name", name);
        }
        model.addAttribute("tokens", tokens.of(actor));
        return "account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(actor, id);
        redirect.addFlashAttribute("notice", messages.get("tokens.revoked"));
        return "redirect:/account/tokens";
    }
}
