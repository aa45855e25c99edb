package dev.kontor.crm.web;

import java.util.List;
import java.util.Optional;

import dev.kontor.access.Actor;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.crm.Board;
import dev.kontor.crm.Pipeline;
import dev.kontor.crm.Pipelines;
import dev.kontor.crm.StageMoves;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Flash;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The board: a pipeline's stages as columns, orders as cards. A card is dragged to another column (htmx posts the
 * move and swaps the columns back in: the card lands where the server put it, so a refused move snaps back with its
 * reason on the card), or moved with its "Move to" form, which works from the keyboard and without script.
 */
@Controller
class BoardController {

    private final Board board;
    private final Pipelines pipelines;
    private final StageMoves moves;
    private final Orders orders;
    private final Users users;
    private final Messages messages;
    private final Flash flash;

    BoardController(
            Board board,
            Pipelines pipelines,
            StageMoves moves,
            Orders orders,
            Users users,
            Messages messages,
            Flash flash) {
        this.board = board;
        this.pipelines = pipelines;
        this.moves = moves;
        this.orders = orders;
        this.users = users;
        this.messages = messages;
        this.flash = flash;
    }

    @GetMapping("/board")
    String board(
            Actor actor,
            @RequestParam(required = false) Long pipeline,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Long responsible,
            Model model) {
        show(actor, pipeline, q, channel, responsible, model);
        return "crm/board";
    }

    /**
     * Moves a card. From htmx (a drag, or the card's form): the columns come back, with the refusal on the card when
     * the move was refused. From a plain form: back to the board with the refusal as the page's message.
     */
    @PostMapping("/board/move")
    String move(
            Actor actor,
            @RequestParam long orderId,
            @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long to,
            @RequestParam(required = false) Long lostReasonId,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Long pipeline,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Long responsible,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        StageMoves.Move move = new StageMoves.Move(from, to, lostReasonId, note);
        if (request.getHeader("HX-Request") == null) {
            flash.attempt(redirect, () -> moved(actor, orderId, move, redirect));
            return "redirect:" + boardUrl(pipeline, q, channel, responsible);
        }
        try {
            StageMoves.Moved moved = moves.move(actor, orderId, move);
            if (moved.isPendingApproval()) {
                model.addAttribute("cardNotice", orderId);
                model.addAttribute("cardMessage", messages.get("stage.move.asked"));
            }
        } catch (InvalidInputException e) {
            refusal(model, orderId, to, messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            refusal(model, orderId, to, messages.of(e));
        }
        show(actor, pipeline, q, channel, responsible, model);
        return "crm/board :: columns";
    }

    /** The order page's "Move to". */
    @PostMapping("/orders/{id}/stage")
    String moveFromOrder(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long to,
            @RequestParam(required = false) Long lostReasonId,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        flash.attempt(redirect, () -> moved(actor, id, new StageMoves.Move(from, to, lostReasonId, note), redirect));
        return "redirect:/orders/" + id + "#stage";
    }

    private void moved(Actor actor, long orderId, StageMoves.Move move, RedirectAttributes redirect) {
        StageMoves.Moved moved = moves.move(actor, orderId, move);
        flash.notice(redirect, moved.isPendingApproval() ? "stage.move.asked" : "stage.move.done");
    }

    private static void refusal(Model model, long orderId, Long to, String message) {
        model.addAttribute("cardError", orderId);
        model.addAttribute("cardMessage", message);
        model.addAttribute("cardTo", to);
    }

    private void show(Actor actor, Long pipelineId, String q, String channel, Long responsible, Model model) {
        List<Pipeline> all = pipelines.all();
        long id = pipelineId != null && all.stream().anyMatch(p -> p.id() == pipelineId)
                ? pipelineId
                : all.stream()
                        .filter(Pipeline::isDefault)
                        .findFirst()
                        .orElse(all.get(0))
                        .id();
        model.addAttribute("view", board.view(actor, id, new Board.Filter(q, channel, responsible)));
        model.addAttribute("pipelines", all);
        model.addAttribute(
                "lostReasons",
                pipelines.lostReasons().stream().filter(r -> r.active()).toList());
        model.addAttribute("channels", orders.channels());
        model.addAttribute("people", users.all().stream().filter(User::enabled).toList());
        model.addAttribute("closedDays", Board.CLOSED_DAYS);
        model.addAttribute("q", q);
        model.addAttribute("channel", channel);
        model.addAttribute("responsible", responsible);
        model.addAttribute("boardUrl", boardUrl(id, q, channel, responsible));
    }

    private static String boardUrl(Long pipeline, String q, String channel, Long responsible) {
        return UriComponentsBuilder.fromPath("/board")
                .queryParamIfPresent("pipeline", Optional.ofNullable(pipeline))
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("channel", Optional.ofNullable(channel).filter(s -> !s.isBlank()))
                .queryParamIfPresent("responsible", Optional.ofNullable(responsible))
                .encode()
                .build()
                .toUriString();
    }
}
