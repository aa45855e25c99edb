package dev.kontor.imports.read;

import java.util.Map;

/**
 * The files Kontor reads, each with the channel its orders come from and the columns that hold what the checks look
 * at (so that a problem names the column as the file does).
 */
public enum ImportFormat implements Columns {
    /** Taobao's or Tmall's 订单报表 (ExportOrderList*.csv): one row per order. */
    TAOBAO_ORDERS(
            "TAOBAO",
            true,
            false,
            Map.of(
                    "placedAt", "订单创建时间",
                    "total", "总金额",
                    "buyer", "收货人姓名",
                    "address", "收货地址",
                    "status", "订单状态",
                    "carrier", "物流公司")),
    /** Taobao's or Tmall's 宝贝报表 (ExportOrderDetailList*.csv): one row per item, by 订单编号. */
    TAOBAO_ITEMS("TAOBAO", false, true, Map.of("sku", "商家编码", "quantity", "购买数量", "unitPrice", "价格")),
    /** Shopify's "Export orders" CSV: one row per item, order fields on the first. */
    SHOPIFY(
            "SHOPIFY",
            true,
            true,
            Map.of(
                    "placedAt", "Created at",
                    "total", "Total",
                    "buyer", "Shipping Name",
                    "address", "Shipping Address1",
                    "status", "Financial Status",
                    "sku", "Lineitem sku",
                    "quantity", "Lineitem quantity",
                    "unitPrice", "Lineitem price")),
    /** eBay's Seller Hub orders report or the older Sales History download. */
    EBAY(
            "EBAY",
            true,
            true,
            Map.of(
                    "placedAt", "Sale Date",
                    "total", "Total Price",
                    "buyer", "Buyer Fullname",
                    "address", "Buyer Address 1",
                    "sku", "Custom Label",
                    "quantity", "Quantity",
                    "unitPrice", "Sale Price")),
    /** Amazon's order report (tab-separated flat file). */
    AMAZON(
            "AMAZON",
            true,
            true,
            Map.of(
                    "placedAt", "purchase-date",
                    "buyer", "recipient-name",
                    "address", "ship-address-1",
                    "status", "order-status",
                    "sku", "sku",
                    "quantity", "quantity",
                    "unitPrice", "item-price")),
    /** Any other system's export (Odoo, WooCommerce, a spreadsheet), read through a mapping the user saved. */
    GENERIC("MANUAL", true, true, Map.of());

    private final String channel;
    private final boolean orders;
    private final boolean items;
    private final Map<String, String> columns;

    ImportFormat(String channel, boolean orders, boolean items, Map<String, String> columns) {
        this.channel = channel;
        this.orders = orders;
        this.items = items;
        this.columns = columns;
    }

    /** The channel its orders come from (Taobao files may be Tmall's: the user says so). */
    public String channel() {
        return channel;
    }

    /** Whether its rows are orders. */
    public boolean hasOrders() {
        return orders;
    }

    /** Whether its rows are items. */
    public boolean hasItems() {
        return items;
    }

    @Override
    public String column(String field) {
        return columns.getOrDefault(field, "field." + field);
    }
}
