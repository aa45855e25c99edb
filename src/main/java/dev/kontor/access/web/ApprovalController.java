package dev.kontor.access.web;

import dev.kontor.access.Actor;
import dev.kontor.access.ApprovalStatus;
import dev.kontor.access.Approvals;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approvals inbox: supervisors decide what others asked for; everyone sees their own requests. */
@Controller
class ApprovalController {

    private final Approvals approvals;
    private final Permissions permissions;
    private final Messages messages;

    ApprovalController(Approvals approvals, Permissions permissions, Messages messages) {
        this.approvals = approvals;
        this.permissions = permissions;
        this.messages = messages;
    }

    @GetMapping("/approvals")
    String inbox(Actor actor, @RequestParam(required = false) ApprovalStatus status, Model model) {
        boolean decider = permissions
                .check(actor, Permission.APPROVAL_DECIDE, Situation.NONE)
                .isAllowed();
        ApprovalStatus shown = status == null ? ApprovalStatus.PENDING : status;
        model.addAttribute("decider", decider);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", ApprovalStatus.values());
        model.addAttribute("requests", approvals.find(actor, shown, !decider));
        return "access/approvals";
    }

    /** htmx: how many requests wait, for the navigation badge; empty when none. */
    @GetMapping(value = "/approvals/count", produces = "text/plain")
    @ResponseBody
    String count(Actor actor) {
        if (!permissions
                .check(actor, Permission.APPROVAL_DECIDE, Situation.NONE)
                .isAllowed()) {
            return "";
        }
        long pending = approvals.pendingCount();
        return pending == 0 ? "" : Long.toString(pending);
    }

    @PostMapping("/approvals/{id}/{decision:approve|decline}")
    String decide(
            Actor actor,
            @PathVariable long id,
            @PathVariable String decision,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        try {
            if (decision.equals("approve")) {
                approvals.approve(actor, id, comment);
                redirect.addFlashAttribute("notice", messages.get("approval.done.approved"));
            } else {
                approvals.decline(actor, id, comment);
                redirect.addFlashAttribute("notice", messages.get("approval.done.declined"));
            }
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/approvals";
    }
}
