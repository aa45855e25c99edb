package dev.kontor.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kontor.catalog.Product;
import dev.kontor.catalog.ProductInput;
import dev.kontor.catalog.Variant;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.shared.Currencies;
import dev.kontor.shared.Money;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;

/** The product form: field names as the API's ({@code variants[0].sku}); every value kept as typed. */
public class ProductForm {

    static final List<String> PRICE_CURRENCIES = List.of("EUR", "CNY", "NOK", "USD");

    private String code;
    private String name;
    private Integer version;
    private List<VariantForm> variants = new ArrayList<>(List.of(new VariantForm()));

    /** One variant as typed; attributes as {@code colour=blue; size=M}, prices as decimals. */
    public static class VariantForm {
        private String sku;
        private String attributes;
        private String status = VariantStatus.NORMAL.name();
        private boolean allowBackorder;
        private String supplier;
        private String purchasePrice;
        private String purchaseCurrency = "CNY";
        private String lowStockThreshold = "0";
        private Map<String, String> prices = new LinkedHashMap<>();

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
        }

        public String getAttributes() {
            return attributes;
        }

        public void setAttributes(String attributes) {
            this.attributes = attributes;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public boolean isAllowBackorder() {
            return allowBackorder;
        }

        public void setAllowBackorder(boolean allowBackorder) {
            this.allowBackorder = allowBackorder;
        }

        public String getSupplier() {
            return supplier;
        }

        public void setSupplier(String supplier) {
            this.supplier = supplier;
        }

        public String getPurchasePrice() {
            return purchasePrice;
        }

        public void setPurchasePrice(String purchasePrice) {
            this.purchasePrice = purchasePrice;
        }

        public String getPurchaseCurrency() {
            return purchaseCurrency;
        }

        public void setPurchaseCurrency(String purchaseCurrency) {
            this.purchaseCurrency = purchaseCurrency;
        }

        public String getLowStockThreshold() {
            return lowStockThreshold;
        }

        public void setLowStockThreshold(String lowStockThreshold) {
            this.lowStockThreshold = lowStockThreshold;
        }

        public Map<String, String> getPrices() {
            return prices;
        }

        public void setPrices(Map<String, String> prices) {
            this.prices = prices;
        }
    }

    static ProductForm of(Product product, Map<Long, String> supplierNames) {
        ProductForm form = new ProductForm();
        form.code = product.code();
        form.name = product.name();
        form.version = product.version();
        form.variants = new ArrayList<>();
        for (Variant v : product.variants()) {
            VariantForm f = new VariantForm();
            f.sku = v.sku();
            f.attributes = String.join(
                    "; ",
                    v.attributes().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .toList());
            f.status = v.status().name();
            f.allowBackorder = v.allowBackorder();
            f.supplier = v.supplierId() == null ? null : supplierNames.get(v.supplierId());
            f.purchasePrice = v.purchasePrice() == null
                    ? null
                    : Money.of(v.purchasePrice(), v.purchaseCurrency())
                            .toDecimal()
                            .toPlainString();
            f.purchaseCurrency = v.purchaseCurrency() == null ? "CNY" : v.purchaseCurrency();
            f.lowStockThreshold = Integer.toString(v.lowStockThreshold());
            v.prices()
                    .forEach((c, amount) ->
                            f.prices.put(c, Money.of(amount, c).toDecimal().toPlainString()));
            form.variants.add(f);
        }
        return form;
    }

    ProductInput toInput(Problems problems) {
        List<ProductInput.VariantInput> inputs = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantForm f = variants.get(i);
            String at = "variants[" + i + "].";
            String currency = Text.clean(f.purchaseCurrency) == null
                    ? null
                    : f.purchaseCurrency.strip().toUpperCase(Locale.ROOT);
            Map<String, Long> prices = new LinkedHashMap<>();
            f.prices.forEach((c, text) -> {
                Long amount = money(text, c, at + "prices." + c, problems);
                if (amount != null) {
                    prices.put(c, amount);
                }
            });
            Integer threshold = null;
            if (Text.clean(f.lowStockThreshold) != null) {
                try {
                    threshold = Integer.parseInt(f.lowStockThreshold.strip());
                } catch (NumberFormatException e) {
                    problems.add(at + "lowStockThreshold", "validation.whole-number");
                }
            }
            VariantStatus status;
            try {
                status = VariantStatus.valueOf(f.status);
            } catch (RuntimeException e) {
                status = VariantStatus.NORMAL;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            if (f.attributes != null) {
                for (String pair : f.attributes.split(";")) {
                    if (!pair.isBlank()) {
                        String[] kv = pair.split("=", 2);
                        attributes.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
                    }
                }
            }
            inputs.add(new ProductInput.VariantInput(
                    f.sku,
                    attributes,
                    status,
                    f.allowBackorder,
                    f.supplier,
                    money(f.purchasePrice, currency, at + "purchasePrice", problems),
                    currency,
                    threshold,
                    prices));
        }
        return new ProductInput(code, name, inputs);
    }

    private static Long money(String text, String currency, String field, Problems problems) {
        if (Text.clean(text) == null) {
            return null;
        }
        try {
            return Money.parse(text.strip().replace(',', '.'), Currencies.isKnown(currency) ? currency : "EUR")
                    .minor();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(field, "validation.amount");
            return null;
        }
    }

    void addVariant() {
        variants.add(new VariantForm());
    }

    /** Takes back a variant row not saved yet; saved ones and the last row stay. */
    void removeNewVariant(int index, Set<String> saved) {
        if (index >= 0 && index < variants.size() && variants.size() > 1 && !saved.contains(variants.get(index).sku)) {
            variants.remove(index);
        }
    }

    void dropEmptyVariants() {
        if (variants.size() > 1) {
            variants.removeIf(v -> Text.clean(v.sku) == null && Text.clean(v.attributes) == null);
        }
        if (variants.isEmpty()) {
            variants.add(new VariantForm());
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public List<VariantForm> getVariants() {
        return variants;
    }

    public void setVariants(List<VariantForm> variants) {
        this.variants = variants;
    }
}
