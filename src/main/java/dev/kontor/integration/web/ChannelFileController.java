package dev.kontor.integration.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import dev.kontor.access.Actor;
import dev.kontor.integration.MarketplaceFiles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin → Marketplace files: the daily shipping confirmation files to upload to each marketplace. */
@Controller
class ChannelFileController {

    private final MarketplaceFiles files;

    ChannelFileController(MarketplaceFiles files) {
        this.files = files;
    }

    @GetMapping("/settings/channel-files")
    String page(Actor actor, Model model) {
        model.addAttribute("days", files.days(actor));
        model.addAttribute("channels", files.channels());
        return "settings/channel-files";
    }

    @GetMapping("/settings/channel-files/{channel}/{day}")
    ResponseEntity<byte[]> file(
            Actor actor,
            @PathVariable String channel,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) String part) {
        return download(files.file(actor, channel, day, part));
    }

    /** A file as a download under its own name. */
    static ResponseEntity<byte[]> download(MarketplaceFiles.File file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.content());
    }
}
