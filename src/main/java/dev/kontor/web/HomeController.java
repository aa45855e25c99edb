package dev.kontor.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page is the orders list, where the day's work is. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/orders";
    }
}
