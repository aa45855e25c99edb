package dev.kontor.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Marketplace files as the marketplaces write them, written by us for the tests (the real files in
 * {@code ../shared/data/real} are read by {@link RealFilesTest}, never copied): Taobao's pair in GBK with
 * {@code ="…"} order numbers, header names with trailing spaces and 元 amounts; Shopify's export whose follow-up
 * rows repeat only the name; eBay's sales history with a tab before the header, blank rows and footer lines;
 * Amazon's tab-separated order report.
 */
final class MarketFiles {

    static final Charset GBK = Charset.forName("GBK");

    static final String TAOBAO_ORDERS_HEADER = "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,"
            + "买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,"
            + "订单付款时间 ,宝贝标题 ,宝贝种类,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称";

    static final String TAOBAO_ITEMS_HEADER = "订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码";

    /** Where most of the fixtures' buyers live, as Taobao writes an address. */
    static final String HANGZHOU = "浙江省 杭州市 西湖区 文一西路969号(310000)";

    private MarketFiles() {}

    /** One row of Taobao's orders report. */
    static String taobaoOrder(
            String id,
            String alipay,
            String goods,
            String shipping,
            String total,
            String paid,
            String status,
            String message,
            String name,
            String address,
            String created,
            String paidAt,
            String tracking,
            String carrier) {
        return String.join(
                ",",
                "=\"" + id + "\"",
                "tb_" + id,
                alipay,
                goods,
                shipping,
                "0",
                total,
                "0",
                paid,
                "0",
                status,
                message,
                name,
                address,
                "快递",
                "",
                "13812345678",
                created,
                paidAt,
                "宝贝",
                "1",
                tracking,
                carrier,
                "",
                "1",
                "",
                "小店");
    }

    /** A day's Taobao orders report: paid, shipped, unpaid, closed, and three broken orders. */
    static byte[] taobaoOrders() {
        String address = HANGZHOU;
        String csv = TAOBAO_ORDERS_HEADER + "\r\n"
                + taobaoOrder(
                        "1001",
                        "lina@alipay.cn",
                        "258.00元",
                        "10.00元",
                        "268.00元",
                        "268.00元",
                        "买家已付款，等待卖家发货",
                        "请用礼盒包装",
                        "王小明",
                        address,
                        "2026-12-03 10:15:00",
                        "2026-12-03 10:16:00",
                        "",
                        "")
                + "\r\n"
                + taobaoOrder(
                        "1002",
                        "13900001111",
                        "59.00",
                        "0.00",
                        "59.00",
                        "59.00",
                        "卖家已发货，等待买家确认",
                        "",
                        "李娜",
                        "上海 上海市 浦东新区 世纪大道100号(200120)",
                        "2026-12-03 11:00:00",
                        "2026-12-03 11:01:00",
                        "773012345678",
                        "中通快递")
                + "\r\n"
                + taobaoOrder(
                        "1003",
                        "",
                        "30.00",
                        "0.00",
                        "30.00",
                        "0.00",
                        "等待买家付款",
                        "",
                        "张伟",
                        address,
                        "2026-12-03 12:00:00",
                        "",
                        "",
                        "")
                + "\r\n"
                + taobaoOrder(
                        "1004",
                        "",
                        "30.00",
                        "0.00",
                        "30.00",
                        "0.00",
                        "交易关闭",
                        "",
                        "赵敏",
                        address,
                        "2026-12-03 12:30:00",
                        "",
                        "",
                        "")
                + "\r\n"
                + taobaoOrder(
                        "1005",
                        "",
                        "30.00",
                        "0.00",
                        "30.00",
                        "30.00",
                        "买家已付款，等待卖家发货",
                        "",
                        "钱多",
                        address,
                        "",
                        "",
                        "",
                        "")
                + "\r\n"
                + taobaoOrder(
                        "1006",
                        "",
                        "100.00",
                        "0.00",
                        "150.00",
                        "150.00",
                        "买家已付款，等待卖家发货",
                        "",
                        "孙悟空",
                        address,
                        "2026-12-03 13:00:00",
                        "2026-12-03 13:01:00",
                        "",
                        "")
                + "\r\n"
                + taobaoOrder(
                        "1007",
                        "",
                        "\"12,5x元\"",
                        "0.00",
                        "30.00",
                        "30.00",
                        "买家已付款，等待卖家发货",
                        "",
                        "周杰",
                        address,
                        "2026-12-03 14:00:00",
                        "2026-12-03 14:01:00",
                        "",
                        "")
                + "\r\n";
        return csv.getBytes(GBK);
    }

    /**
     * The orders report re-saved in Excel (.xlsx): the order number as text, amounts as numbers, the order time as a
     * date cell (Excel keeps a day number with a date format), one order.
     */
    static byte[] taobaoOrdersXlsx() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "Kontor test", "1.0");
            Worksheet sheet = workbook.newWorksheet("订单报表");
            String[] header = TAOBAO_ORDERS_HEADER.split(",");
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("订单编号", "1001");
            row.put("买家支付宝账号", "lina@alipay.cn");
            row.put("买家应付货款", 258);
            row.put("买家应付邮费", 10);
            row.put("总金额", 268);
            row.put("买家实际支付金额", 268);
            row.put("订单状态", "买家已付款，等待卖家发货");
            row.put("收货人姓名", "王小明");
            row.put("收货地址 ", HANGZHOU);
            row.put("联系手机", "13812345678");
            row.put("订单创建时间", LocalDateTime.of(2026, 12, 3, 10, 15));
            for (int c = 0; c < header.length; c++) {
                Object value = row.get(header[c]);
                if (value instanceof String text) {
                    sheet.value(1, c, text);
                } else if (value instanceof Number number) {
                    sheet.value(1, c, number);
                } else if (value instanceof LocalDateTime time) {
                    sheet.value(1, c, time);
                    sheet.style(1, c).format("yyyy-mm-dd hh:mm:ss").set();
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The items report of the same day, with an item whose order the orders report lacks. */
    static byte[] taobaoItems() {
        String csv = TAOBAO_ITEMS_HEADER + "\r\n"
                + "=\"1001\",龙井茶 100g,129.00,2,,颜色分类:绿;规格:100g,,,,TEA-100\r\n"
                + "=\"1002\",羊毛围巾,59.00,1,,颜色分类:驼色;尺码:均码,,,,SCARF-CAMEL\r\n"
                + "=\"1003\",茶杯,30.00,1,,,,,,CUP-1\r\n"
                + "=\"1004\",茶杯,30.00,1,,,,,,CUP-1\r\n"
                + "=\"1005\",茶杯,30.00,1,,,,,,CUP-1\r\n"
                + "=\"1006\",茶壶,100.00,1,,,,,,POT-1\r\n"
                + "=\"1007\",茶杯,30.00,1,,,,,,CUP-1\r\n"
                + "=\"9999\",茶杯,30.00,1,,,,,,CUP-1\r\n";
        return csv.getBytes(GBK);
    }

    /** Shopify's export: two orders, the first of two items whose second row repeats only Name and Email. */
    static byte[] shopify() {
        String header =
                "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,"
                        + "Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,"
                        + "Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,"
                        + "Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,"
                        + "Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,"
                        + "Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,"
                        + "Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,"
                        + "Cancelled at,Payment Method,Refunded Amount";
        String csv = header + "\n"
                + "#1001,anna@example.com,paid,2026-12-03 09:55:16 +0100,unfulfilled,,no,EUR,59.80,4.90,0.00,64.70,,0.00,"
                + "Standard,2026-12-03 09:55:16 +0100,1,Linen shirt - M,29.90,,SHIRT-M,true,true,pending,Anna Berg,"
                + "Hauptstraße 12,Hauptstraße 12,,,Köln,50667,NW,DE,+49 221 123456,Anna Berg,Hauptstraße 12,"
                + "Hauptstraße 12,,,Köln,50667,NW,Germany,+49 221 123456,,,Credit card,0.00\n"
                + "#1001,anna@example.com,,,,,,,,,,,,,,,1,Linen shirt - L,29.90,,SHIRT-L,true,true,pending,"
                + ",,,,,,,,,,,,,,,,,,,,,,,\n"
                + "#1002,ola@example.no,pending,,unfulfilled,,no,EUR,10.00,0.00,0.00,10.00,,0.00,,"
                + "2026-12-03 10:00:00 +0100,1,Gift Card - €10,10.00,,,false,false,pending,Ola Nordmann,Storgata 1,"
                + "Storgata 1,,,Oslo,0155,,NO,+47 912 34 567,Ola Nordmann,Storgata 1,Storgata 1,,,Oslo,0155,,Norway,"
                + "+47 912 34 567,,,Bank transfer,0.00\n";
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    /** eBay's Sales History download: a tab before the header, blank rows, footer lines. */
    static byte[] ebay() {
        String csv = ",,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"
                + "\tSales Record Number,User Id,Buyer Fullname,Buyer Phone Number,Buyer Email,Buyer Address 1,"
                + "Buyer Address 2,Buyer City,Buyer State,Buyer Zip,Buyer Country,Item Number,Item Title,Custom Label,"
                + "Quantity,Sale Price,Shipping and Handling,US Tax,Insurance,Cash on delivery fee,Total Price,"
                + "Payment Method,Sale Date,Checkout Date,Paid on Date,Shipped on Date,Feedback left,"
                + "Feedback received,Notes to yourself\n"
                + ",,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"
                + "801,user55,John Smith,(614) 571-5555,john@example.com,22 Green Street,,Columbus,OH,43004,"
                + "United States,272091820000,\"White T-shirt [Regular,L]\",SHRT-305-L,2,$19.50,$5.00,$0.00,$0.00,,"
                + "$44.00,PayPal,Dec-03-26,Dec-03-26,Dec-03-26,,No,,\n"
                + ",,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"
                + "1, record(s) downloaded,from ,Dec-03-26,16:41:35, to ,Dec-03-26,21:54:24,,,,,,,,,,,,,,,,,,,,,\n"
                + "Seller ID: seller@example.com,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    /** Amazon's order report (tab-separated), one order of two items. */
    static byte[] amazon() {
        String csv = String.join(
                        "\t",
                        "amazon-order-id",
                        "merchant-order-id",
                        "purchase-date",
                        "last-updated-date",
                        "order-status",
                        "fulfillment-channel",
                        "sales-channel",
                        "product-name",
                        "sku",
                        "asin",
                        "item-status",
                        "quantity",
                        "currency",
                        "item-price",
                        "item-tax",
                        "shipping-price",
                        "shipping-tax",
                        "item-promotion-discount",
                        "ship-promotion-discount",
                        "ship-city",
                        "ship-state",
                        "ship-postal-code",
                        "ship-country",
                        "recipient-name",
                        "ship-address-1",
                        "buyer-email")
                + "\n"
                + String.join(
                        "\t",
                        "302-1234567-1234567",
                        "",
                        "2026-12-03T10:20:30+00:00",
                        "2026-12-03T11:00:00+00:00",
                        "Unshipped",
                        "Merchant",
                        "Amazon.de",
                        "Linen shirt M",
                        "SHIRT-M",
                        "B000001",
                        "Unshipped",
                        "2",
                        "EUR",
                        "59.80",
                        "0.00",
                        "0.00",
                        "0.00",
                        "",
                        "",
                        "Köln",
                        "NW",
                        "50667",
                        "DE",
                        "Anna Berg",
                        "Hauptstraße 12",
                        "anna@marketplace.amazon.de")
                + "\n";
        return csv.getBytes(StandardCharsets.UTF_8);
    }
}
