package dev.kontor.fulfillment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.fulfillment.CarrierChoice;
import dev.kontor.fulfillment.ReturnDisposition;
import dev.kontor.fulfillment.ReturnRequest;
import dev.kontor.fulfillment.Returns;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Records a shipment from the order page: quantities per line ({@code qty_<lineId>}), carrier, tracking. */
@Controller
class ShipmentController {

    private final Shipments shipments;
    private final Returns returns;
    private final CarrierChoice carrierChoice;
    private final Messages messages;

    ShipmentController(Shipments shipments, Returns returns, CarrierChoice carrierChoice, Messages messages) {
        this.shipments = shipments;
        this.returns = returns;
        this.carrierChoice = carrierChoice;
        this.messages = messages;
    }

    /** Another carrier for the order, as the customer asked (customer service, before anything ships). */
    @PostMapping("/orders/{id}/carrier")
    String carrier(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String carrier,
            RedirectAttributes redirect) {
        try {
            carrierChoice.change(actor, id, version, carrier);
            redirect.addFlashAttribute("notice", messages.get("order.done.carrier"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#shipments";
    }

    @PostMapping("/orders/{id}/delivered")
    String delivered(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            returns.delivered(actor, id);
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#shipments";
    }

    /** A return from the order page: {@code back_<lineId>} units and {@code disposition_<lineId>} each, a reason. */
    @PostMapping("/orders/{id}/returns")
    String receiveReturn(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        List<ReturnRequest.Line> lines = new ArrayList<>();
        try {
            for (Map.Entry<String, String> p : params.entrySet()) {
                if (!p.getKey().startsWith("back_")
                        || p.getValue() == null
                        || p.getValue().isBlank()) {
                    continue;
                }
                long lineId = Long.parseLong(p.getKey().substring(5));
                int units;
                try {
                    units = Integer.parseInt(p.getValue().strip());
                } catch (NumberFormatException e) {
                    throw InvalidInputException.of("quantity", "validation.whole-number");
                }
                String disposition = params.getOrDefault("disposition_" + lineId, "RESTOCK");
                try {
                    lines.add(new ReturnRequest.Line(lineId, units, ReturnDisposition.valueOf(disposition)));
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.of("disposition", "validation.return.disposition", disposition);
                }
            }
            returns.receive(actor, id, new ReturnRequest(reason, lines));
            redirect.addFlashAttribute("notice", messages.get("return.done"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#shipments";
    }

    @PostMapping("/orders/{id}/shipments")
    String ship(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String carrier,
            @RequestParam(required = false) String trackingNumber,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        List<ShipmentRequest.Line> lines = new ArrayList<>();
        try {
            params.forEach((name, value) -> {
                if (name.startsWith("qty_") && value != null && !value.isBlank()) {
                    try {
                        lines.add(new ShipmentRequest.Line(
                                Long.parseLong(name.substring(4)), Integer.parseInt(value.strip())));
                    } catch (NumberFormatException e) {
                        throw InvalidInputException.of("quantity", "validation.whole-number");
                    }
                }
            });
            shipments.record(actor, id, new ShipmentRequest(carrier, trackingNumber, null, lines));
            redirect.addFlashAttribute("notice", messages.get("shipment.done"));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/orders/" + id + "#shipments";
    }
}
