package dev.kontor.customers.web;

import dev.kontor.customers.Customers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer pages: find a customer, see who they are. Their orders are one link away. */
@Controller
class CustomerController {

    private final Customers customers;

    CustomerController(Customers customers) {
        this.customers = customers;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, Model model) {
        String query = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("q", query);
        model.addAttribute("customers", customers.search(query, 100));
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
