package dev.kontor.entry.web;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.CatalogItem;
import dev.kontor.catalog.VariantRow;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.Totals;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What helps while an order is typed (htmx, nothing saved): the product picker's suggestions — variants by part of
 * a name or code, with their attributes, price in the order's currency and the stock available — and the totals
 * (subtotal, tax per rate, shipping, discount, total) as the server computes them, whenever a line or a charge
 * changes. Lines that cannot be read yet are left out of the totals; saving says what is wrong with them.
 */
@Controller
class OrderFormAssist {

    private static final Pattern SKU_FIELD = Pattern.compile("lines\\[(\\d{1,3})]\\.sku");

    private final Catalog catalog;

    OrderFormAssist(Catalog catalog) {
        this.catalog = catalog;
    }

    /** One suggestion of the picker. */
    record Pick(
            String sku,
            String name,
            String colour,
            String size,
            String attributes,
            String price,
            Long priceMinor,
            int available) {}

    /**
     * The picker asks with the line's code field as it is ({@code lines[2].sku=tea}) and the order's currency; or
     * with {@code q}. Discontinued variants are not offered.
     */
    @GetMapping("/orders/form/products")
    String products(@RequestParam Map<String, String> params, Model model) {
        String q = params.get("q");
        int line = 0;
        for (Map.Entry<String, String> p : params.entrySet()) {
            Matcher field = SKU_FIELD.matcher(p.getKey());
            if (field.matches()) {
                q = p.getValue();
                line = Integer.valueOf(field.group(1));
            }
        }
        String currency = params.get("currency");
        String query = Text.clean(q);
        List<Pick> picks = new ArrayList<>();
        if (query != null && query.length() <= 200) {
            List<VariantRow> rows = catalog.find(query, null, false, 8);
            Map<String, CatalogItem> items =
                    catalog.items(rows.stream().map(VariantRow::sku).toList());
            String cur = currencyOf(currency);
            for (VariantRow row : rows) {
                if (row.status() == VariantStatus.DISCONTINUED) {
                    continue; // no longer sold
                }
                CatalogItem item = items.get(row.sku());
                Long price =
                        item == null || cur == null ? null : item.price(cur).orElse(null);
                picks.add(new Pick(
                        row.sku(),
                        row.productName(),
                        row.attributes().get("colour"),
                        row.attributes().get("size"),
                        String.join(", ", row.attributes().values()),
                        price == null ? "" : decimal(price, cur),
                        price,
                        row.stock().available()));
            }
        }
        model.addAttribute("picks", picks);
        model.addAttribute("pickCurrency", currencyOf(currency));
        model.addAttribute("line", line);
        model.addAttribute("query", query);
        return "entry/assist :: picks";
    }

    /** The totals of what is typed so far. */
    @PostMapping("/orders/form/totals")
    String totals(@ModelAttribute("form") OrderForm form, Model model) {
        OrderInput input = form.toInput(new Problems());
        String currency = currencyOf(input.currency());
        List<OrderLine> lines = new ArrayList<>();
        for (OrderInput.LineInput l : input.lines()) {
            if (l.unitPrice() == null || l.quantity() == null || l.quantity() <= 0 || l.unitPrice() < 0) {
                continue;
            }
            long discount = l.discount() == null ? 0 : l.discount();
            lines.add(new OrderLine(
                    null,
                    lines.size(),
                    l.sku(),
                    l.name(),
                    Map.of(),
                    l.unitPrice(),
                    l.quantity(),
                    Math.min(discount, l.unitPrice() * l.quantity()),
                    l.taxRate() == null ? 0 : l.taxRate(),
                    0,
                    0));
        }
        long shipping = input.shipping() == null ? 0 : Math.max(0, input.shipping());
        long subtotal = lines.stream().mapToLong(OrderLine::total).sum();
        long discount = input.discount() == null ? 0 : Math.max(0, Math.min(input.discount(), subtotal));
        boolean gross = input.pricesIncludeTax() == null || input.pricesIncludeTax();
        Totals totals = Totals.of(lines, shipping, discount, gross);
        Map<Integer, Long> byRate = new LinkedHashMap<>(Totals.taxByRate(lines, discount, gross));
        byRate.values().removeIf(tax -> tax == 0);
        model.addAttribute("totals", totals);
        model.addAttribute("taxByRate", byRate);
        model.addAttribute("totalsCurrency", currency);
        model.addAttribute("gross", gross);
        model.addAttribute("counted", lines.size());
        return "entry/assist :: totals";
    }

    /** The form is bound to its public fields, as in {@link OrderFormController}. */
    @InitBinder("form")
    void bindFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    private static String currencyOf(String written) {
        if (Text.clean(written) == null) {
            return null;
        }
        try {
            return Currency.getInstance(written.strip().toUpperCase(Locale.ROOT))
                    .getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decimal(long minor, String currency) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return java.math.BigDecimal.valueOf(minor, digits).toPlainString();
    }
}
