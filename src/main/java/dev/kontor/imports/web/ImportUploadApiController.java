package dev.kontor.imports.web;

import java.time.Instant;
import java.util.UUID;

import dev.kontor.access.Actor;
import dev.kontor.imports.ImportUploads;
import dev.kontor.imports.UploadProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** How far an upload's reading is, and cancelling it: for clients that sent {@code uploadId} with the files. */
@RestController
@Tag(name = "Imports")
class ImportUploadApiController {

    private final ImportUploads uploads;

    ImportUploadApiController(ImportUploads uploads) {
        this.uploads = uploads;
    }

    /** An upload's progress as the API answers it. */
    record ProgressResponse(
            UUID id,
            String phase,
            long bytesTotal,
            long bytesRead,
            long rows,
            long rowsPerSecond,
            Long secondsLeft,
            Instant startedAt,
            boolean cancelled) {

        static ProgressResponse of(UploadProgress p) {
            return new ProgressResponse(
                    p.id(),
                    p.phase(),
                    p.bytesTotal(),
                    p.bytesRead(),
                    p.rows(),
                    p.rowsPerSecond(),
                    p.secondsLeft(),
                    p.startedAt(),
                    p.cancelled());
        }
    }

    @GetMapping("/api/imports/uploads/{uploadId}")
    @Operation(
            summary = "How far an upload's reading is",
            description = "phase UPLOADING (not begun reading: still arriving, or already answered), READING "
                    + "(rows, rows per second, seconds left) or CHECKING. Any Kontor instance answers.")
    ProgressResponse progress(Actor actor, @PathVariable UUID uploadId) {
        return ProgressResponse.of(uploads.progress(actor, uploadId));
    }

    @ResponseStatus(HttpStatus.ACCEPTED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/imports/uploads/{uploadId}/cancel")
    @Operation(
            summary = "Cancel an upload while it is read",
            description = "The upload's POST /api/imports then answers 409 and keeps nothing. Answers 202.")
    ResponseEntity<ProgressResponse> cancel(Actor actor, @PathVariable UUID uploadId) {
        uploads.cancel(actor, uploadId);
        return ResponseEntity.accepted().body(ProgressResponse.of(uploads.progress(actor, uploadId)));
    }
}
