package dev.kontor.crm.web;

import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.crm.Board;
import dev.kontor.crm.Pipeline;
import dev.kontor.crm.Pipelines;
import dev.kontor.crm.StageMoves;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.orders.FulfilmentStatus;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentStatus;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Flash;
import dev.kontor.web.Messages;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderQueryString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
    private final CustomFields customFields;

    BoardController(
            Board board,
            Pipelines pipelines,
            StageMoves moves,
            Orders orders,
            Users users,
            Messages messages,
            Flash flash,
            CustomFields customFields) {
        this.customFields = customFields;
        this.board = board;
        this.pipelines = pipelines;
        this.moves = moves;
        this.orders = orders;
        this.users = users;
        this.messages = messages;
        this.flash = flash;
    }

    @GetMapping("/board")
    String board(Actor actor, HttpServletRequest request, Model model, HttpServletResponse response) {
        if (!show(actor, request.getQueryString(), model)) {
            response.setStatus(422);
        }
        return "crm/board";
    }

    /**
     * Moves a card. From htmx (a drag, or the card's form): the columns come back, with the refusal on the card when
     * the move was refused. From a plain form: back to the board with the refusal as the page's message. Either way
     * the board is shown as it was filtered ({@code filters}: the board's query string).
     */
    @PostMapping("/board/move")
    String move(
            Actor actor,
            @RequestParam long orderId,
            @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long to,
            @RequestParam(required = false) Long lostReasonId,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String filters,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        StageMoves.Move move = new StageMoves.Move(from, to, lostReasonId, note);
        if (request.getHeader("HX-Request") == null) {
            flash.attempt(redirect, () -> moved(actor, orderId, move, redirect));
            return "redirect:" + boardUrl(filters);
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
        show(actor, filters, model);
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

    /**
     * The board as its query string asks ({@code pipeline}, {@code responsible}, and every filter of the order list);
     * one that cannot be read is said on the page, naming its filter, over the unfiltered board (answers false).
     */
    private boolean show(Actor actor, String filters, Model model) {
        String query = filters == null ? "" : filters;
        MultiValueMap<String, String> params =
                UriComponentsBuilder.fromUriString("/board?" + query).build().getQueryParams();
        OrderFilter orderFilter;
        Long pipelineId = number(params.getFirst("pipeline"));
        Long responsible = number(params.getFirst("responsible"));
        boolean readable = true;
        try {
            orderFilter = OrderQueryString.parse(query, orders.today());
        } catch (InvalidInputException e) {
            model.addAttribute("error", messages.withField(e.problems().get(0)));
            orderFilter = OrderQueryString.parse("", orders.today());
            readable = false;
        }
        List<Pipeline> all = pipelines.all();
        long id = pipelineId != null && all.stream().anyMatch(p -> p.id() == pipelineId)
                ? pipelineId
                : all.stream()
                        .filter(Pipeline::isDefault)
                        .findFirst()
                        .orElse(all.get(0))
                        .id();
        try {
            model.addAttribute("view", board.view(actor, id, new Board.Filter(orderFilter, responsible)));
        } catch (InvalidInputException e) { // a custom field or value the shop does not have
            model.addAttribute("error", messages.withField(e.problems().get(0)));
            orderFilter = OrderQueryString.parse("", orders.today());
            model.addAttribute("view", board.view(actor, id, new Board.Filter(orderFilter, responsible)));
            readable = false;
        }
        model.addAttribute("pipelines", all);
        model.addAttribute(
                "lostReasons",
                pipelines.lostReasons().stream().filter(r -> r.active()).toList());
        model.addAttribute("channels", orders.channels());
        model.addAttribute("people", users.all().stream().filter(User::enabled).toList());
        model.addAttribute("closedDays", Board.CLOSED_DAYS);
        model.addAttribute("filter", orderFilter);
        model.addAttribute(
                "filtered", responsible != null || !orderFilter.equals(OrderQueryString.parse("", orders.today())));
        model.addAttribute("responsible", responsible);
        model.addAttribute("customFieldDefs", customFields.active(FieldScope.ORDER));
        model.addAttribute("paymentStatuses", PaymentStatus.values());
        model.addAttribute("fulfilmentStatuses", FulfilmentStatus.values());
        model.addAttribute("filters", query);
        model.addAttribute("boardUrl", boardUrl(query));
        return readable;
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String boardUrl(String filters) {
        return filters == null || filters.isBlank() ? "/board" : "/board?" + filters;
    }
}
