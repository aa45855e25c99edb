package dev.kontor.bulk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.bulk.BulkHandler;
import dev.kontor.bulk.BulkItemStatus;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bulk jobs' pages: the latest jobs, and one job's progress and each subject's result, polled by htmx until the
 * job is finished. Results are shown in the language of whoever reads the page.
 */
@Controller
class BulkJobController {

    private static final int ITEMS_SHOWN = 500;

    private final BulkJobs jobs;

    BulkJobController(BulkJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/orders/bulk")
    String latest(Actor actor, Model model) {
        List<BulkJob> latest = jobs.latest(actor, 50);
        Map<Long, String> actions = new LinkedHashMap<>();
        latest.forEach(j -> actions.put(
                j.id(),
                jobs.handler(j.subject()).describe(j.action(), j.argument()).action()));
        model.addAttribute("jobs", latest);
        model.addAttribute("actions", actions);
        return "bulk/jobs";
    }

    @GetMapping("/orders/bulk/{id}")
    String job(
            Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean problems, Model model) {
        show(actor, id, problems, model);
        return "bulk/job";
    }

    /** The progress and results, polled by the job page until the job is finished. */
    @GetMapping("/orders/bulk/{id}/progress")
    String progress(
            Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean problems, Model model) {
        show(actor, id, problems, model);
        return "bulk/job :: progress";
    }

    private void show(Actor actor, long id, boolean problems, Model model) {
        BulkJob job = jobs.get(actor, id);
        BulkHandler handler = jobs.handler(job.subject());
        List<BulkJob.Item> items = jobs.items(actor, id, problems, 0, ITEMS_SHOWN);
        Map<Long, String> paths = new LinkedHashMap<>();
        items.forEach(i -> paths.put(i.subjectId(), handler.path(i.subjectId())));
        model.addAttribute("job", job);
        model.addAttribute("described", handler.describe(job.action(), job.argument()));
        model.addAttribute("problemsOnly", problems);
        model.addAttribute("statuses", BulkItemStatus.values());
        model.addAttribute("items", items);
        model.addAttribute("paths", paths);
        model.addAttribute("shownLimit", ITEMS_SHOWN);
    }
}
