package dev.kontor.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.orders.OrderInput;

/** The demo shop's products: clothes in colours and sizes, named for the channels that sell them. */
final class DemoCatalog {

    /** One variant: code, name in English, Chinese, German and Norwegian, colour, size, prices per currency. */
    record Item(String sku, String en, String zh, String de, String nb, String colour, String size,
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

    static final Item SHIRT_BLUE_M = new Item("WLY0QU1098", "Linen shirt", "亚麻衬衫", "Leinenhemd", "Linskjorte",
            "blue", "M", prices(4990, 29900, 59900, 5490));
    static final Item SHIRT_BLUE_L = new Item("WLY0QU1099", "Linen shirt", "亚麻衬衫", "Leinenhemd", "Linskjorte",
            "blue", "L", prices(4990, 29900, 59900, 5490));
    static final Item SHIRT_WHITE_M = new Item("WLY0QU1100", "Linen shirt", "亚麻衬衫", "Leinenhemd", "Linskjorte",
            "white", "M", prices(4990, 29900, 59900, 5490));
    static final Item SCARF_RED = new Item("WXZ0KU1122", "Silk scarf", "真丝围巾", "Seidenschal", "Silkeskjerf",
            "red", null, prices(3490, 18900, 39900, 3990));
    static final Item SCARF_GREEN = new Item("WXZ0KU1123", "Silk scarf", "真丝围巾", "Seidenschal", "Silkeskjerf",
            "green", null, prices(3490, 18900, 39900, 3990));
    static final Item JACKET_NAVY_M = new Item("JKT0NV2040", "Wool jacket", "羊毛夹克", "Wolljacke", "Ulljakke",
            "navy", "M", prices(12900, 89900, 149900, 13900));
    static final Item JACKET_NAVY_XL = new Item("JKT0NV2042", "Wool jacket", "羊毛夹克", "Wolljacke", "Ulljakke",
            "navy", "XL", prices(12900, 89900, 149900, 13900));
    static final Item SOCKS_GREY = new Item("SCK0GR3001", "Merino socks (3 pairs)", "美利奴袜（3双）",
            "Merinosocken (3 Paar)", "Merinosokker (3 par)", "grey", "39-42", prices(1990, 9900, 24900, 2190));
    static final Item CAP_BLACK = new Item("CAP0BK4010", "Cotton cap", "棉质棒球帽", "Baumwollkappe", "Bomullscaps",
            "black", null, prices(2490, 12900, 29900, 2690));

    static final List<Item> ALL = List.of(SHIRT_BLUE_M, SHIRT_BLUE_L, SHIRT_WHITE_M, SCARF_RED, SCARF_GREEN,
            JACKET_NAVY_M, JACKET_NAVY_XL, SOCKS_GREY, CAP_BLACK);

    private DemoCatalog() {
    }
}
