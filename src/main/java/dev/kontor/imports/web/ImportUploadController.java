package dev.kontor.imports.web;

import java.util.UUID;

import dev.kontor.access.Actor;
import dev.kontor.imports.ImportUploads;
import dev.kontor.imports.UploadProgress;
import dev.kontor.web.Formatting;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The progress bar under the upload form, which the page polls (htmx) while its files are read, and its Cancel
 * button. Both work on any Kontor instance: the figures are in the database.
 */
@Controller
class ImportUploadController {

    private final ImportUploads uploads;
    private final Messages messages;
    private final Formatting fmt;

    ImportUploadController(ImportUploads uploads, Messages messages, Formatting fmt) {
        this.uploads = uploads;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/imports/uploads/{id}")
    String progress(Actor actor, @PathVariable UUID id, Model model) {
        return show(uploads.progress(actor, id), model);
    }

    @PostMapping("/imports/uploads/{id}/cancel")
    String cancel(Actor actor, @PathVariable UUID id, Model model) {
        uploads.cancel(actor, id);
        return show(uploads.progress(actor, id), model);
    }

    private String show(UploadProgress p, Model model) {
        model.addAttribute("upload", p);
        model.addAttribute("status", status(p));
        return "imports/progress :: progress";
    }

    /** What the bar's line says, in the reader's language and numbers. */
    String status(UploadProgress p) {
        if (p.cancelled()) {
            return messages.get("import.progress.cancelling");
        }
        return switch (p.phase()) {
            case "READING" ->
                p.rows() == 0
                        ? messages.get("import.progress.starting")
                        : messages.get(
                                "import.progress.reading",
                                fmt.number(p.rows()),
                                fmt.number(p.rowsPerSecond()),
                                left(p.secondsLeft()));
            case "CHECKING" -> messages.get("import.progress.checking", fmt.number(p.rows()));
            default -> messages.get("import.progress.uploading");
        };
    }

    private String left(Long seconds) {
        if (seconds == null) {
            return messages.get("import.progress.left.unknown");
        }
        return seconds < 90
                ? messages.get("import.progress.left.seconds", fmt.number(seconds))
                : messages.get("import.progress.left.minutes", fmt.number(Math.round(seconds / 60.0)));
    }
}
