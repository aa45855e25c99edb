package dev.kontor.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.catalog.ProductInput;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.orders.OrderInput;

/** The demo shop's products: clothes in colours and sizes, named for the channels that sell them. */
final class DemoCatalog {

    /** One variant: code, name in English, Chinese, German and Norwegian, colour, size, prices per currency. */
    record Item(
            String sku,
            String en,
            String zh,
            String de,
            String nb,
            String colour,
            String size,
            Map<String, Long> prices) {

        OrderInput.LineInput line(String language, String currency, int quantity, int taxRate) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("colour", colour);
            if (size != null) {
                attributes.put("size", size);
            }
            String name = switch (language) {
                case "zh" -> zh;
                case "de" -> de;
                case "nb" -> nb;
                default -> en;
            };
            return new OrderInput.LineInput(sku, name, attributes, prices.get(currency), quantity, null, taxRate);
        }
    }

    private static Map<String, Long> prices(long eur, long cny, long nok, long usd) {
        return Map.of("EUR", eur, "CNY", cny, "NOK", nok, "USD", usd);
    }

    static final Item SHIRT_BLUE_M = new Item(
            "WLY0QU1098",
            "Linen shirt",
            "亚麻衬衫",
            "Leinenhemd",
            "Linskjorte",
            "blue",
            "M",
            prices(4990, 29900, 59900, 5490));
    static final Item SHIRT_BLUE_L = new Item(
            "WLY0QU1099",
            "Linen shirt",
            "亚麻衬衫",
            "Leinenhemd",
            "Linskjorte",
            "blue",
            "L",
            prices(4990, 29900, 59900, 5490));
    static final Item SHIRT_WHITE_M = new Item(
            "WLY0QU1100",
            "Linen shirt",
            "亚麻衬衫",
            "Leinenhemd",
            "Linskjorte",
            "white",
            "M",
            prices(4990, 29900, 59900, 5490));
    static final Item SCARF_RED = new Item(
            "WXZ0KU1122",
            "Silk scarf",
            "真丝围巾",
            "Seidenschal",
            "Silkeskjerf",
            "red",
            null,
            prices(3490, 18900, 39900, 3990));
    static final Item SCARF_GREEN = new Item(
            "WXZ0KU1123",
            "Silk scarf",
            "真丝围巾",
            "Seidenschal",
            "Silkeskjerf",
            "green",
            null,
            prices(3490, 18900, 39900, 3990));
    static final Item JACKET_NAVY_M = new Item(
            "JKT0NV2040",
            "Wool jacket",
            "羊毛夹克",
            "Wolljacke",
            "Ulljakke",
            "navy",
            "M",
            prices(12900, 89900, 149900, 13900));
    static final Item JACKET_NAVY_XL = new Item(
            "JKT0NV2042",
            "Wool jacket",
            "羊毛夹克",
            "Wolljacke",
            "Ulljakke",
            "navy",
            "XL",
            prices(12900, 89900, 149900, 13900));
    static final Item SOCKS_GREY = new Item(
            "SCK0GR3001",
            "Merino socks (3 pairs)",
            "美利奴袜（3双）",
            "Merinosocken (3 Paar)",
            "Merinosokker (3 par)",
            "grey",
            "39-42",
            prices(1990, 9900, 24900, 2190));
    static final Item CAP_BLACK = new Item(
            "CAP0BK4010",
            "Cotton cap",
            "棉质棒球帽",
            "Baumwollkappe",
            "Bomullscaps",
            "black",
            null,
            prices(2490, 12900, 29900, 2690));

    static final List<Item> ALL = List.of(
            SHIRT_BLUE_M,
            SHIRT_BLUE_L,
            SHIRT_WHITE_M,
            SCARF_RED,
            SCARF_GREEN,
            JACKET_NAVY_M,
            JACKET_NAVY_XL,
            SOCKS_GREY,
            CAP_BLACK);

    /** A product of the demo catalog: its code, English name, supplier and variants (with stock to receive). */
    record DemoProduct(
            String code,
            String name,
            String supplier,
            long purchaseCents,
            String purchaseCurrency,
            List<Stocked> variants) {}

    /** A catalog item with what the warehouse receives, where, and how the shop sells it. */
    record Stocked(Item item, int receive, String location, boolean backorder, VariantStatus status, int lowAt) {

        ProductInput.VariantInput input(DemoProduct product) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("colour", item.colour());
            if (item.size() != null) {
                attributes.put("size", item.size());
            }
            return new ProductInput.VariantInput(
                    item.sku(),
                    attributes,
                    status,
                    backorder,
                    product.supplier(),
                    product.purchaseCents(),
                    product.purchaseCurrency(),
                    lowAt,
                    item.prices());
        }
    }

    static final Item HAT_STRAW = new Item(
            "HAT0ST5001", "Straw hat", "草帽", "Strohhut", "Stråhatt", "natural", null, prices(2990, 15900, 34900, 3290));

    /**
     * What the demo shop keeps: enough shirts, scarves and caps; navy jackets in XL short (the B2B order waits
     * for part of them); socks sold on backorder with none in stock; the straw hat discontinued.
     */
    static final List<DemoProduct> PRODUCTS = List.of(
            new DemoProduct(
                    "WLY0QU",
                    "Linen shirt",
                    "Hangzhou Silk & Linen Co.",
                    1450,
                    "EUR",
                    List.of(
                            new Stocked(SHIRT_BLUE_M, 60, "MAIN", false, VariantStatus.NORMAL, 10),
                            new Stocked(SHIRT_BLUE_L, 70, "HZ", false, VariantStatus.NORMAL, 10),
                            new Stocked(SHIRT_WHITE_M, 25, "MAIN", false, VariantStatus.NORMAL, 5))),
            new DemoProduct(
                    "WXZ0KU",
                    "Silk scarf",
                    "Hangzhou Silk & Linen Co.",
                    980,
                    "EUR",
                    List.of(
                            new Stocked(SCARF_RED, 40, "MAIN", false, VariantStatus.NORMAL, 5),
                            new Stocked(SCARF_GREEN, 30, "HZ", false, VariantStatus.NORMAL, 5))),
            new DemoProduct(
                    "JKT0NV",
                    "Wool jacket",
                    "Tuchfabrik Lahn GmbH",
                    5400,
                    "EUR",
                    List.of(
                            new Stocked(JACKET_NAVY_M, 30, "MAIN", true, VariantStatus.NORMAL, 3),
                            new Stocked(JACKET_NAVY_XL, 6, "MAIN", true, VariantStatus.NORMAL, 3))),
            new DemoProduct(
                    "SCK0GR",
                    "Merino socks (3 pairs)",
                    "Ullvare Norge AS",
                    520,
                    "EUR",
                    List.of(new Stocked(SOCKS_GREY, 0, "MAIN", true, VariantStatus.NORMAL, 10))),
            new DemoProduct(
                    "CAP0BK",
                    "Cotton cap",
                    "Tuchfabrik Lahn GmbH",
                    640,
                    "EUR",
                    List.of(new Stocked(CAP_BLACK, 150, "MAIN", false, VariantStatus.NORMAL, 20))),
            new DemoProduct(
                    "HAT0ST",
                    "Straw hat",
                    "Hangzhou Silk & Linen Co.",
                    700,
                    "EUR",
                    List.of(new Stocked(HAT_STRAW, 0, "MAIN", false, VariantStatus.DISCONTINUED, 0))));

    private DemoCatalog() {}
}
