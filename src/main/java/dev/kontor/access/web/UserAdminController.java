package dev.kontor.access.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.AuditEvent;
import dev.kontor.access.AuditLog;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Role;
import dev.kontor.access.Situation;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins manage users (create, roles, disable, reset password) and read the audit log. */
@Controller
class UserAdminController {

    private final Users users;
    private final AuditLog audit;
    private final Permissions permissions;
    private final Messages messages;

    UserAdminController(Users users, AuditLog audit, Permissions permissions, Messages messages) {
        this.users = users;
        this.audit = audit;
        this.permissions = permissions;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String list(Actor actor, Model model) {
        permissions.requireAllowed(actor, Permission.USERS_MANAGE, Situation.NONE);
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("errors", Map.of());
        return "access/users";
    }

    @PostMapping("/admin/users")
    String create(
            Actor actor,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) List<String> roles,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            User user = users.create(actor, username, displayName, email, password, language, roles);
            redirect.addFlashAttribute("notice", messages.get("users.created", user.username()));
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                errors.putIfAbsent(p.field(), messages.of(p));
            }
            model.addAttribute("errors", errors);
            model.addAttribute(
                    "draft", new Draft(username, displayName, email, language, roles == null ? List.of() : roles));
            model.addAttribute("users", users.all());
            model.addAttribute("roles", Role.values());
            return "access/users";
        }
    }

    /** What was typed into the new-user form, shown again next to its problems (never the password). */
    record Draft(String username, String displayName, String email, String language, List<String> roles) {}

    @PostMapping("/admin/users/{id}/roles")
    String roles(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) List<String> roles,
            RedirectAttributes redirect) {
        return attempt(redirect, () -> users.changeRoles(actor, id, roles), "users.roles-changed");
    }

    @PostMapping("/admin/users/{id}/{change:disable|enable}")
    String enable(Actor actor, @PathVariable long id, @PathVariable String change, RedirectAttributes redirect) {
        return attempt(redirect, () -> users.setEnabled(actor, id, change.equals("enable")), "users.done." + change);
    }

    @PostMapping("/admin/users/{id}/password")
    String password(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String password,
            RedirectAttributes redirect) {
        return attempt(redirect, () -> users.resetPassword(actor, id, password), "users.password-reset");
    }

    @GetMapping("/admin/audit")
    String audit(
            Actor actor,
            @RequestParam(required = false) AuditEvent event,
            @RequestParam(required = false) String username,
            Model model) {
        permissions.requireAllowed(actor, Permission.AUDIT_READ, Situation.NONE);
        model.addAttribute("entries", audit.latest(event, username, 300));
        model.addAttribute("events", AuditEvent.values());
        model.addAttribute("event", event);
        model.addAttribute("username", username);
        return "access/audit";
    }

    private String attempt(RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", messages.get(done));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.of(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/admin/users";
    }
}
