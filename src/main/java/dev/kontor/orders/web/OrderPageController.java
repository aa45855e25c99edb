package dev.kontor.orders.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.access.Verdict;
import dev.kontor.catalog.Holding;
import dev.kontor.catalog.Inventory;
import dev.kontor.customers.Blacklist;
import dev.kontor.customers.Customers;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.orders.ActionOutcome;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNote;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.OrderOrganising;
import dev.kontor.orders.OrderPanel;
import dev.kontor.orders.Orders;
import dev.kontor.shared.NotFoundException;
import dev.kontor.web.Flash;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order page: the order with its customer, lines, stock, lineage, notes and timeline, the panels other modules
 * add (payments, shipments), and the commands on it that are the order's own: lifecycle actions, notes, tags and
 * who is responsible. Only what the rules and the user's rights allow now is offered.
 */
@Controller
class OrderPageController {

    private final Orders orders;
    private final OrderLifecycle lifecycle;
    private final OrderNotes notes;
    private final OrderOrganising organising;
    private final Customers customers;
    private final Users users;
    private final List<OrderPanel> panels;
    private final Blacklist blacklist;
    private final Permissions permissions;
    private final Inventory inventory;
    private final Messages messages;
    private final Flash flash;

    private final CustomFields customFields;

    OrderPageController(
            Orders orders,
            OrderLifecycle lifecycle,
            OrderNotes notes,
            OrderOrganising organising,
            Customers customers,
            Users users,
            List<OrderPanel> panels,
            Blacklist blacklist,
            Permissions permissions,
            Inventory inventory,
            Messages messages,
            Flash flash,
            CustomFields customFields) {
        this.customFields = customFields;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.notes = notes;
        this.organising = organising;
        this.customers = customers;
        this.users = users;
        this.panels = panels.stream()
                .sorted(Comparator.comparingInt(OrderPanel::position))
                .toList();
        this.blacklist = blacklist;
        this.permissions = permissions;
        this.inventory = inventory;
        this.messages = messages;
        this.flash = flash;
    }

    @GetMapping("/orders/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        Order order = orders.view(actor, id);
        model.addAttribute("order", order);
        model.addAttribute("dueDate", orders.dueDate(order));
        model.addAttribute("overdue", orders.isOverdue(order));
        model.addAttribute(
                "customerCounts", orders.customerCounts(actor, order.content().customerId()));
        model.addAttribute("flagReason", orders.flagReason(order.id()).orElse(null));
        model.addAttribute("family", orders.family(actor, order.id()));
        List<OrderNote> orderNotes = notes.of(actor, id);
        model.addAttribute("notes", orderNotes);
        model.addAttribute(
                "noteKinds",
                Arrays.stream(NoteKind.values())
                        .filter(k -> k != NoteKind.BUYER || orderNotes.stream().anyMatch(n -> n.kind() == k))
                        .toList());
        model.addAttribute(
                "writableNoteKinds",
                List.of(NoteKind.INTERNAL, NoteKind.FINANCE, NoteKind.SHIPPING, NoteKind.MARKETPLACE));
        model.addAttribute("timeline", orders.timeline(actor, id));
        model.addAttribute(
                "customer", customers.find(order.content().customerId()).orElse(null));
        model.addAttribute("people", users.displayNames(people(order)));
        model.addAttribute(
                "stock", inventory.holdingsOf(id).stream().collect(Collectors.toMap(Holding::orderLineId, h -> h)));
        model.addAttribute("blacklistMarks", blacklist.of(order.content().customerId()));
        addOffers(actor, order, model);
        Map<String, Map<String, Object>> panelData = new LinkedHashMap<>();
        for (OrderPanel panel : panels) {
            panelData.put(panel.template(), panel.data(order, actor));
        }
        model.addAttribute("panels", panelData);
        model.addAttribute("customFieldDefs", customFields.all(FieldScope.ORDER));
        return "orders/detail";
    }

    /** What the page offers this user now: the rules allow it and the policy lets them take it or ask for it. */
    private void addOffers(Actor actor, Order order, Model model) {
        boolean canTag = order.lifecycle() != LifecycleStatus.DELETED
                && orders.verdict(actor, order, Permission.ORDER_TAG).isAllowed();
        model.addAttribute("canTag", canTag);
        if (canTag) {
            model.addAttribute(
                    "assignees", users.all().stream().filter(User::enabled).toList());
        }
        model.addAttribute(
                "canReceive",
                order.received() == null
                        && (order.lifecycle() == LifecycleStatus.NEW
                                || order.lifecycle() == LifecycleStatus.APPROVED
                                || order.lifecycle() == LifecycleStatus.ON_HOLD)
                        && orders.verdict(actor, order, Permission.ORDER_RECEIVE)
                                .isAllowed());
        model.addAttribute(
                "canService",
                orders.verdict(actor, order, Permission.ORDER_SERVICE).isAllowed());
        model.addAttribute(
                "canBlacklist",
                permissions
                        .check(actor, Permission.CUSTOMER_BLACKLIST, Situation.NONE)
                        .isAllowed());
        model.addAttribute(
                "canLift",
                permissions
                        .check(actor, Permission.CUSTOMER_UNBLACKLIST, Situation.NONE)
                        .isAllowed());
        List<OrderAction> actions = OrderActions.offered(orders, actor, order);
        model.addAttribute("actions", actions);
        Map<OrderAction, Boolean> needsApproval = new EnumMap<>(OrderAction.class);
        actions.forEach(a -> needsApproval.put(
                a,
                !orders.verdict(actor, order, OrderLifecycle.permissionFor(a)).isAllowed()));
        model.addAttribute("needsApproval", needsApproval);
        Verdict edit = orders.verdict(actor, order, Permission.ORDER_EDIT);
        model.addAttribute("canEdit", order.isEditable() && edit.isOffered());
        model.addAttribute("editNeedsApproval", !edit.isAllowed());
        model.addAttribute(
                "canNote", orders.verdict(actor, order, Permission.ORDER_NOTE).isAllowed());
    }

    private static Set<Long> people(Order order) {
        Set<Long> ids = new HashSet<>(order.content().observerIds());
        if (order.content().responsibleId() != null) {
            ids.add(order.content().responsibleId());
        }
        return ids;
    }

    @PostMapping("/orders/{id}/actions/{action}")
    String act(
            Actor actor,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        OrderAction verb = OrderAction.fromKey(action).orElseThrow(() -> new NotFoundException("action", action));
        flash.attempt(redirect, () -> {
            ActionOutcome outcome = lifecycle.act(actor, id, version, verb, reason);
            if (outcome.isPendingApproval()) {
                flash.notice(
                        redirect,
                        "approval.sent",
                        messages.get(outcome.approval().why()));
            } else {
                flash.notice(redirect, "order.done." + verb.key());
            }
        });
        return verb == OrderAction.DELETE ? "redirect:/orders" : "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/notes")
    String addNote(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) NoteKind kind,
            @RequestParam(required = false) String body,
            RedirectAttributes redirect) {
        flash.attempt(redirect, () -> notes.add(actor, id, kind, body));
        return "redirect:/orders/" + id + "#notes";
    }

    /** Adds a tag to the order, or removes one. */
    @PostMapping("/orders/{id}/tags")
    String tags(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String add,
            @RequestParam(required = false) String remove,
            RedirectAttributes redirect) {
        flash.attempt(redirect, () -> organising.retag(actor, id, null, optional(add), optional(remove)));
        return "redirect:/orders/" + id;
    }

    private static Set<String> optional(String value) {
        return value == null ? Set.of() : Set.of(value);
    }

    /** The order desk marks the order received. */
    @PostMapping("/orders/{id}/receive")
    String receive(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        flash.attempt(redirect, () -> organising.receive(actor, id, version));
        return "redirect:/orders/" + id;
    }

    /** Makes someone (or nobody) responsible for the order. */
    @PostMapping("/orders/{id}/responsible")
    String responsible(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Long responsibleId,
            RedirectAttributes redirect) {
        flash.attempt(redirect, () -> organising.assign(actor, id, null, responsibleId));
        return "redirect:/orders/" + id;
    }
}
