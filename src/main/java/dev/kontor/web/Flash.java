package dev.kontor.web;

import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a form's command ends in a flash message: done, the notice; refused, the refusal in the reader's
 * language, naming the field when there is one ("Quantity: must be positive.").
 */
@Component
public class Flash {

    private final Messages messages;

    Flash(Messages messages) {
        this.messages = messages;
    }

    /** Runs the command; a refusal becomes the flash error. Answers whether it went through. */
    public boolean attempt(RedirectAttributes redirect, Runnable command) {
        try {
            command.run();
            return true;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return false;
    }

    /** A notice for the next page. */
    public void notice(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("notice", messages.get(key, args));
    }
}
