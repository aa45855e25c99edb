package dev.kontor.customers.web;

import java.util.List;

import dev.kontor.customers.Customers;
import dev.kontor.shared.FieldProblem;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer pages: find a customer, see who they are. Their orders are one link away. */
@Controller
class CustomerController {

    private final Customers customers;
    private final Messages messages;

    CustomerController(Customers customers, Messages messages) {
        this.customers = customers;
        this.messages = messages;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, Model model) {
        boolean tooLong = q != null && q.length() > 200;
        model.addAttribute("q", tooLong ? q.substring(0, 200) : q);
        if (tooLong) { // said, not cut short silently; and no list that would look like a match
            model.addAttribute("error", messages.withField(new FieldProblem("q", "validation.too-long", List.of(200))));
            model.addAttribute("customers", List.of());
        } else {
            model.addAttribute("customers", customers.search(q, 100));
        }
        model.addAttribute("total", customers.count());
        return "customers/list";
    }

    @GetMapping("/customers/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("homeCountry", customers.homeCountry());
        return "customers/detail";
    }
}
