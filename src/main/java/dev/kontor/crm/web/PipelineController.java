package dev.kontor.crm.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.crm.Pipelines;
import dev.kontor.crm.StageOutcome;
import dev.kontor.crm.StageRequirement;
import dev.kontor.crm.StageRules;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.Orders;
import dev.kontor.shared.Names;
import dev.kontor.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pipeline pages: pipelines, their stages with rights and requirements, lost reasons, channels. */
@Controller
class PipelineController {

    private final Pipelines pipelines;
    private final Orders orders;
    private final Flash flash;
    private final CustomFields fields;

    PipelineController(Pipelines pipelines, Orders orders, Flash flash, CustomFields fields) {
        this.fields = fields;
        this.pipelines = pipelines;
        this.orders = orders;
        this.flash = flash;
    }

    @GetMapping("/settings/pipelines")
    String list(Model model) {
        model.addAttribute("pipelines", pipelines.all());
        model.addAttribute("lostReasons", pipelines.lostReasons());
        model.addAttribute("channels", orders.channels());
        model.addAttribute("channelPipelines", pipelines.channelPipelines());
        model.addAttribute("languages", Names.LANGUAGES);
        return "settings/pipelines";
    }

    @GetMapping("/settings/pipelines/{id}")
    String pipeline(@PathVariable long id, Model model) {
        model.addAttribute("pipeline", pipelines.get(id));
        model.addAttribute("languages", Names.LANGUAGES);
        model.addAttribute("states", StageRules.STATES);
        model.addAttribute("outcomes", StageOutcome.values());
        model.addAttribute("roles", EnumSet.complementOf(EnumSet.of(Role.ADMIN)));
        model.addAttribute("requirements", StageRequirement.values());
        model.addAttribute("customFields", fields.active(FieldScope.ORDER));
        return "settings/pipeline";
    }

    @PostMapping("/settings/pipelines")
    String create(Actor actor, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        long[] created = {0};
        if (flash.attempt(
                redirect,
                () -> created[0] =
                        pipelines.create(actor, Names.fromForm(form, "name")).id())) {
            flash.notice(redirect, "pipelines.created");
            return "redirect:/settings/pipelines/" + created[0];
        }
        return "redirect:/settings/pipelines";
    }

    @PostMapping("/settings/pipelines/{id}")
    String rename(
            Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> pipelines.rename(actor, id, Names.fromForm(form, "name")))) {
            flash.notice(redirect, "pipelines.saved");
        }
        return "redirect:/settings/pipelines/" + id;
    }

    @PostMapping("/settings/pipelines/{id}/stages")
    String addStage(
            Actor actor,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) List<Role> enterRoles,
            @RequestParam(required = false) List<Role> leaveRoles,
            @RequestParam(required = false) List<StageRequirement> requires,
            @RequestParam(required = false) List<String> requiredFields,
            RedirectAttributes redirect) {
        if (flash.attempt(
                redirect,
                () -> pipelines.addStage(actor, id, input(form, enterRoles, leaveRoles, requires, requiredFields)))) {
            flash.notice(redirect, "pipelines.stage-added");
        }
        return "redirect:/settings/pipelines/" + id;
    }

    @PostMapping("/settings/stages/{id}")
    String updateStage(
            Actor actor,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) List<Role> enterRoles,
            @RequestParam(required = false) List<Role> leaveRoles,
            @RequestParam(required = false) List<StageRequirement> requires,
            @RequestParam(required = false) List<String> requiredFields,
            RedirectAttributes redirect) {
        long pipeline = pipelines.stage(id).pipelineId();
        if (flash.attempt(
                redirect,
                () -> pipelines.updateStage(
                        actor, id, input(form, enterRoles, leaveRoles, requires, requiredFields)))) {
            flash.notice(redirect, "pipelines.saved");
        }
        return "redirect:/settings/pipelines/" + pipeline + "#stage-" + id;
    }

    @PostMapping("/settings/stages/{id}/move")
    String moveStage(Actor actor, @PathVariable long id, @RequestParam int direction, RedirectAttributes redirect) {
        long pipeline = pipelines.stage(id).pipelineId();
        flash.attempt(redirect, () -> pipelines.moveStage(actor, id, direction));
        return "redirect:/settings/pipelines/" + pipeline;
    }

    @PostMapping("/settings/stages/{id}/delete")
    String deleteStage(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Long moveTo,
            RedirectAttributes redirect) {
        long pipeline = pipelines.stage(id).pipelineId();
        if (flash.attempt(redirect, () -> pipelines.deleteStage(actor, id, moveTo))) {
            flash.notice(redirect, "pipelines.stage-deleted");
        }
        return "redirect:/settings/pipelines/" + pipeline;
    }

    @PostMapping("/settings/lost-reasons")
    String addLostReason(Actor actor, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> pipelines.addLostReason(actor, Names.fromForm(form, "name")))) {
            flash.notice(redirect, "pipelines.saved");
        }
        return "redirect:/settings/pipelines#lost-reasons";
    }

    @PostMapping("/settings/lost-reasons/{id}")
    String updateLostReason(
            Actor actor,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        if (flash.attempt(
                redirect, () -> pipelines.updateLostReason(actor, id, Names.fromForm(form, "name"), active))) {
            flash.notice(redirect, "pipelines.saved");
        }
        return "redirect:/settings/pipelines#lost-reasons";
    }

    @PostMapping("/settings/channel-pipelines")
    String assignChannel(
            Actor actor,
            @RequestParam String channel,
            @RequestParam(required = false) Long pipeline,
            RedirectAttributes redirect) {
        if (flash.attempt(redirect, () -> pipelines.assignChannel(actor, channel, pipeline))) {
            flash.notice(redirect, "pipelines.saved");
        }
        return "redirect:/settings/pipelines#channels";
    }

    private static Pipelines.StageInput input(
            Map<String, String> form,
            List<Role> enterRoles,
            List<Role> leaveRoles,
            List<StageRequirement> requires,
            List<String> requiredFields) {
        return new Pipelines.StageInput(
                Names.fromForm(form, "name"),
                form.get("colour"),
                parse(LifecycleStatus.class, form.get("lifecycle")),
                parse(StageOutcome.class, form.get("outcome")),
                set(enterRoles),
                set(leaveRoles),
                requires == null ? Set.of() : Set.copyOf(requires),
                requiredFields == null ? Set.of() : Set.copyOf(requiredFields));
    }

    private static Set<Role> set(List<Role> roles) {
        return roles == null ? Set.of() : Set.copyOf(roles);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null; // refused by the rules as missing, naming the field
        }
    }
}
