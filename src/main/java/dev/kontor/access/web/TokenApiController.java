package dev.kontor.access.web;

import java.net.URI;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.ApiToken;
import dev.kontor.access.ApiTokens;
import dev.kontor.access.IssuedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens: a script signs in once with HTTP Basic and uses the token from then on. */
@RestController
@RequestMapping("/api/tokens")
@Tag(
        name = "Tokens",
        description = "Bearer tokens for machines. POST accepts HTTP Basic, so a script can start without a browser.")
class TokenApiController {

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(
            @Schema(example = "taobao-import") String name,

            @Schema(example = "90", description = "Days until it expires; omit for a token that lasts until revoked")
            Integer expiresInDays) {}

    /** The new token: shown this once, stored only as a hash. */
    record NewToken(long id, String name, String token) {}

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping
    @Operation(summary = "Create a token", description = "The token is in this response and nowhere else; keep it.")
    ResponseEntity<NewToken> create(Actor actor, @RequestBody(required = false) TokenRequest request) {
        IssuedToken issued = tokens.issue(
                actor, request == null ? null : request.name(), request == null ? null : request.expiresInDays());
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.info().id()))
                .body(new NewToken(issued.info().id(), issued.info().name(), issued.token()));
    }

    @GetMapping
    @Operation(summary = "Your tokens", description = "Without their secrets.")
    List<ApiToken> list(Actor actor) {
        return tokens.of(actor);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @DeleteMapping("/{id}")
    @Operation(
            summary = "Revoke a token",
            description =
                    "It stops working at once on the Kontor instance that revoked it, within 2 seconds on any other.")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable long id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
