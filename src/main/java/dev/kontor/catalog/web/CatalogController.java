package dev.kontor.catalog.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.CatalogCsv;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.Product;
import dev.kontor.catalog.ProductInput;
import dev.kontor.catalog.Purchasing;
import dev.kontor.catalog.Supplier;
import dev.kontor.catalog.Variant;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.KontorException;
import dev.kontor.shared.Problems;
import dev.kontor.web.Downloads;
import dev.kontor.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The stock pages: the inventory list, products, a variant's stock and ledger, catalog CSV. */
@Controller
class CatalogController {

    private final Catalog catalog;
    private final Inventory inventory;
    private final Purchasing purchasing;
    private final CatalogCsv csv;
    private final Permissions permissions;
    private final Messages messages;

    CatalogController(
            Catalog catalog,
            Inventory inventory,
            Purchasing purchasing,
            CatalogCsv csv,
            Permissions permissions,
            Messages messages) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.purchasing = purchasing;
        this.csv = csv;
        this.permissions = permissions;
        this.messages = messages;
    }

    @GetMapping("/catalog")
    String list(
            Actor actor,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) VariantStatus status,
            @RequestParam(defaultValue = "false") boolean low,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("low", low);
        model.addAttribute("statuses", VariantStatus.values());
        try {
            model.addAttribute("rows", catalog.find(q, status, low, 500));
        } catch (InvalidInputException e) {
            model.addAttribute("error", messages.of(e.problems().get(0)));
            model.addAttribute("rows", List.of());
        }
        model.addAttribute("canEdit", allowed(actor, Permission.CATALOG_EDIT));
        return "catalog/list";
    }

    @GetMapping("/catalog/products/new")
    String newProduct(Actor actor, Model model) {
        permissions.requireAllowed(actor, Permission.CATALOG_EDIT, Situation.NONE);
        return form(new ProductForm(), null, Map.of(), model);
    }

    @GetMapping("/catalog/products/{id}")
    String editProduct(Actor actor, @PathVariable long id, Model model) {
        Product product = catalog.get(id);
        model.addAttribute("canEdit", allowed(actor, Permission.CATALOG_EDIT));
        return form(ProductForm.of(product, supplierNames()), product, Map.of(), model);
    }

    @PostMapping({"/catalog/products", "/catalog/products/{id}"})
    String save(
            Actor actor,
            @PathVariable(required = false) Long id,
            @ModelAttribute("form") ProductForm form,
            @RequestParam(required = false) String addVariant,
            @RequestParam(required = false) Integer removeVariant,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Product product = id == null ? null : catalog.get(id);
        if (addVariant != null) {
            form.addVariant();
            return form(form, product, Map.of(), model);
        }
        if (removeVariant != null) {
            form.removeNewVariant(removeVariant, savedSkus(product));
            return form(form, product, Map.of(), model);
        }
        form.dropEmptyVariants();
        Problems problems = new Problems();
        ProductInput input = form.toInput(problems);
        try {
            problems.throwIfAny();
            Product saved =
                    id == null ? catalog.create(actor, input) : catalog.update(actor, id, form.getVersion(), input);
            redirect.addFlashAttribute("notice", messages.get("catalog.saved", saved.code()));
            return "redirect:/catalog/products/" + saved.id();
        } catch (InvalidInputException e) {
            response.setStatus(422);
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.problems()) {
                errors.putIfAbsent(p.field(), messages.of(p));
            }
            return form(form, product, errors, model);
        } catch (KontorException e) {
            response.setStatus(409);
            model.addAttribute("error", messages.of(e));
            return form(form, product, Map.of(), model);
        }
    }

    @GetMapping("/catalog/variants/{id}")
    String variant(Actor actor, @PathVariable long id, Model model) {
        Variant variant = catalog.variant(id);
        model.addAttribute("variant", variant);
        model.addAttribute("product", catalog.get(variant.productId()));
        model.addAttribute("supplier", catalog.supplier(variant.supplierId()).orElse(null));
        model.addAttribute("total", inventory.total(id));
        model.addAttribute("levels", inventory.byLocation(id));
        model.addAttribute("holdings", inventory.holdings(id));
        model.addAttribute("movements", inventory.movements(id, 200));
        model.addAttribute("locations", inventory.locations());
        model.addAttribute("canReceive", allowed(actor, Permission.STOCK_RECEIVE));
        model.addAttribute("canAdjust", allowed(actor, Permission.STOCK_ADJUST));
        return "catalog/variant";
    }

    @PostMapping("/catalog/variants/{id}/{what:receive|adjust|defective|notify}")
    String stock(
            Actor actor,
            @PathVariable long id,
            @PathVariable String what,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Variant variant = catalog.variant(id);
        try {
            Integer amount = parse(quantity);
            switch (what) {
                case "receive" -> inventory.receive(actor, variant.sku(), location, amount, reason);
                case "adjust" -> inventory.adjust(actor, variant.sku(), location, amount, reason);
                case "defective" -> inventory.markDefective(actor, variant.sku(), location, amount, reason);
                default -> purchasing.notify(actor, id, amount, reason);
            }
            redirect.addFlashAttribute("notice", messages.get("stock.done." + what));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", messages.withField(e.problems().get(0)));
        } catch (KontorException e) {
            redirect.addFlashAttribute("error", messages.of(e));
        }
        return "redirect:/catalog/variants/" + id;
    }

    @GetMapping(value = "/catalog/export.csv", produces = "text/csv;charset=UTF-8")
    void export(HttpServletResponse response) throws IOException {
        csv.export(Downloads.csv(response, "kontor-catalog.csv"));
    }

    @PostMapping("/catalog/import")
    String importCsv(Actor actor, @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        permissions.requireAllowed(actor, Permission.CATALOG_EDIT, Situation.NONE);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", messages.get("catalog.import.no-file"));
        } else {
            try {
                model.addAttribute(
                        "report",
                        csv.importCsv(actor, new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)));
            } catch (InvalidInputException e) {
                model.addAttribute("error", messages.of(e.problems().get(0)));
            }
        }
        return list(actor, null, null, false, model);
    }

    private static Integer parse(String quantity) {
        if (quantity == null || quantity.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(quantity.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("quantity", "validation.whole-number");
        }
    }

    private String form(ProductForm form, Product product, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("product", product);
        model.addAttribute("savedSkus", savedSkus(product));
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", VariantStatus.values());
        model.addAttribute("currencies", ProductForm.PRICE_CURRENCIES);
        model.addAttribute("suppliers", catalog.suppliers());
        if (!model.containsAttribute("canEdit")) {
            model.addAttribute("canEdit", true);
        }
        return "catalog/product";
    }

    /** The codes of the product's saved variants: those are retired through their status, not removed. */
    private static Set<String> savedSkus(Product product) {
        return product == null
                ? Collections.<String>emptySet()
                : product.variants().stream().map(v -> v.sku()).collect(Collectors.toSet());
    }

    private Map<Long, String> supplierNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Supplier s : catalog.suppliers()) {
            names.put(s.id(), s.name());
        }
        return names;
    }

    private boolean allowed(Actor actor, Permission permission) {
        return permissions.check(actor, permission, Situation.NONE).isAllowed();
    }
}
