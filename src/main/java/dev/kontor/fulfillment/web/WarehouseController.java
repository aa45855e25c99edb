package dev.kontor.fulfillment.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.fulfillment.BulkShipment;
import dev.kontor.fulfillment.Carriers;
import dev.kontor.fulfillment.WarehouseQueue;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ShopSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The warehouse's pages: the queue, packing slips, shipping many orders from a file. */
@Controller
class WarehouseController {

    private static final int MAX_SLIPS = 200;

    private final WarehouseQueue queue;
    private final BulkShipment bulk;
    private final Carriers carriers;
    private final Orders orders;
    private final OrderNotes notes;
    private final String shopName;

    WarehouseController(
            WarehouseQueue queue,
            BulkShipment bulk,
            Carriers carriers,
            Orders orders,
            OrderNotes notes,
            ShopSettings shop) {
        this.queue = queue;
        this.bulk = bulk;
        this.carriers = carriers;
        this.orders = orders;
        this.notes = notes;
        this.shopName = shop.name();
    }

    @GetMapping("/warehouse")
    String queue(
            Actor actor,
            @RequestParam(required = false) String carrier,
            @RequestParam(required = false) String channel,
            Model model) {
        model.addAttribute("queue", queue.view(actor, carrier, channel));
        model.addAttribute("carrier", carrier);
        model.addAttribute("channel", channel);
        model.addAttribute("carrierNames", carrierNames());
        return "fulfillment/queue";
    }

    /** Packing slips for the orders chosen in the queue (or one order), to print from the browser. */
    @GetMapping("/warehouse/packing-slips")
    String slips(Actor actor, @RequestParam(required = false) List<Long> ids, Model model) {
        List<Long> chosen = ids == null
                ? List.of()
                : ids.stream().distinct().limit(MAX_SLIPS).toList();
        List<Order> slips = new ArrayList<>();
        for (Long id : chosen) {
            slips.add(orders.view(actor, id));
        }
        model.addAttribute("slips", slips);
        model.addAttribute("notes", notes.of(chosen, NoteKind.BUYER, NoteKind.SHIPPING));
        model.addAttribute("shop", shopName);
        return "fulfillment/packing-slips";
    }

    @GetMapping("/orders/{id}/packing-slip")
    String slip(Actor actor, @PathVariable long id, Model model) {
        return slips(actor, List.of(id), model);
    }

    @GetMapping("/warehouse/bulk-ship")
    String bulkForm() {
        return "fulfillment/bulk";
    }

    @PostMapping("/warehouse/bulk-ship")
    String bulkShip(Actor actor, @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "bulk-ship.no-file");
            return "fulfillment/bulk";
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("report", bulk.ship(actor, reader));
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "fulfillment/bulk";
    }

    private Map<String, String> carrierNames() {
        Map<String, String> names = new LinkedHashMap<>();
        carriers.all().forEach(c -> names.put(c.code(), c.name()));
        return names;
    }
}
