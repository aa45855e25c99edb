package dev.kontor.integration.web;

import java.time.LocalDate;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.integration.MarketplaceFiles;
import dev.kontor.integration.internal.ChannelFileRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The marketplaces' daily confirmation files over HTTP (docs/channels.md). */
@RestController
@Tag(name = "Channels")
class ChannelFileApiController {

    private final MarketplaceFiles files;

    ChannelFileApiController(MarketplaceFiles files) {
        this.files = files;
    }

    @GetMapping("/api/channel-files")
    @Operation(
            summary = "The days with marketplace confirmation files",
            description = "Per channel and day, how many updates it holds.")
    List<ChannelFileRepository.Day> list(Actor actor) {
        return files.days(actor);
    }

    @GetMapping("/api/channel-files/{channel}/{day}")
    @Operation(
            summary = "A marketplace's confirmation file of a day",
            description = "The shipping confirmations in the marketplace's upload format (Taobao/Tmall CSV in GBK, "
                    + "eBay tracking CSV, Amazon's tab-separated flat file); part=other: the cancellations, refunds "
                    + "and notes to enter by hand. 422 naming channel for a channel without such files.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The file: Taobao/Tmall in GBK, the others in UTF-8",
            content = {
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = "text/csv",
                        schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
                @io.swagger.v3.oas.annotations.media.Content(
                        mediaType = "text/tab-separated-values",
                        schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))
            })
    ResponseEntity<byte[]> download(
            Actor actor,
            @PathVariable String channel,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Parameter(description = "other: the updates the upload format does not carry")
                    @RequestParam(required = false)
                    String part) {
        return ChannelFileController.download(files.file(actor, channel, day, part));
    }
}
