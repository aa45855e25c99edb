package dev.kontor.imports.read;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kontor.shared.Address;

/**
 * Taobao's and Tmall's 订单报表 (one row per order), both the classic columns and Tmall's newer ones. Amounts in 元
 * (CNY), times in China's time; 收货地址 as Taobao writes it ({@code 浙江省 杭州市 西湖区 文一西路969号(310000)}).
 */
public final class TaobaoReader implements FormatReader {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern PAIRS = Pattern.compile("[;；]");
    private static final Pattern KEY_VALUE = Pattern.compile("[:：]");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\s*[(（](\\d{6})[)）]\\s*$");
    private static final Map<String, MarketStatus> STATUSES = Map.of(
            "等待买家付款", MarketStatus.UNPAID,
            "买家已付款，等待卖家发货", MarketStatus.PAID,
            "买家已付款,等待卖家发货", MarketStatus.PAID,
            "卖家部分发货", MarketStatus.PAID,
            "卖家已发货，等待买家确认", MarketStatus.SHIPPED,
            "卖家已发货,等待买家确认", MarketStatus.SHIPPED,
            "交易成功", MarketStatus.COMPLETED,
            "交易关闭", MarketStatus.CLOSED);

    @Override
    public ImportFormat format() {
        return ImportFormat.TAOBAO_ORDERS;
    }

    @Override
    public int recognises(List<String> header) {
        if (!header.contains("订单编号") || header.contains("标题") || header.contains("子订单编号")) {
            return 0;
        }
        return (int) List.of("订单编号", "总金额", "买家实际支付金额", "订单状态", "收货地址", "订单创建时间", "买家会员名").stream()
                .filter(header::contains)
                .count();
    }

    @Override
    public List<String> required() {
        return List.of("订单编号", "总金额", "订单创建时间");
    }

    @Override
    public void read(Sheet sheet, Sink sink) {
        for (Sheet.Row row : sheet) {
            String id = Values.text(row.get("订单编号"));
            if (row.isBlank() || id == null || id.startsWith("#")) {
                continue;
            }
            sink.order(order(new Cells(row, sink, id), id, row.line()));
        }
    }

    private static StagedOrder order(Cells c, String id, long line) {
        Long total = c.amount("总金额", "CNY");
        Long paid = c.amount("买家实际支付金额", "CNY");
        Long refunded = c.amount("退款金额", "CNY");
        String statusText = c.text("订单状态");
        MarketStatus status = statusText == null
                ? fromAmounts(paid, refunded, total)
                : STATUSES.getOrDefault(statusText, MarketStatus.UNKNOWN);
        if (status == MarketStatus.UNKNOWN) {
            c.problem("订单状态", "import.problem.status", statusText);
        }
        String consignee = c.text("收货人姓名");
        String phone = c.text("联系手机", "联系电话");
        return new StagedOrder(
                id,
                line,
                c.time("订单创建时间", CHINA),
                c.time("订单付款时间", CHINA),
                consignee,
                c.text("买家会员名"),
                c.text("买家支付宝账号"),
                null,
                phone,
                address(c.text("收货地址"), consignee, phone),
                "CNY",
                c.amount("买家应付货款", "CNY"),
                c.amount("买家应付邮费", "CNY"),
                null,
                null,
                total,
                paid,
                refunded,
                status,
                c.text("物流公司"),
                c.text("物流单号"),
                c.text("买家留言"),
                c.text("订单备注"),
                "ALIPAY");
    }

    /**
     * Where an order stands when the report has no 订单状态 (Tmall's reduced report): refunded in full is closed,
     * anything paid is paid, otherwise unpaid.
     */
    private static MarketStatus fromAmounts(Long paid, Long refunded, Long total) {
        if (refunded != null && refunded > 0 && total != null && refunded >= total) {
            return MarketStatus.CLOSED;
        }
        return paid != null && paid > 0 ? MarketStatus.PAID : MarketStatus.UNPAID;
    }

    /** Taobao's one-line address: province, city, district, the rest, the postal code in brackets. */
    static Address address(String written, String name, String phone) {
        if (written == null) {
            return null;
        }
        String rest = written;
        String postalCode = null;
        Matcher m = POSTAL_CODE.matcher(rest);
        if (m.find()) {
            postalCode = m.group(1);
            rest = rest.substring(0, m.start());
        }
        String[] parts = rest.strip().split("\\s+", 4);
        String region = parts[0];
        String city = parts.length > 1 ? parts[1] : null;
        String street = parts.length > 3 ? parts[2] + " " + parts[3] : parts.length > 2 ? parts[2] : null;
        return new Address(name, null, street, null, postalCode, city, region, "CN", phone);
    }

    /** 商品属性 such as {@code 颜色分类:驼色;尺码:M} as attributes, in their order. */
    static Map<String, String> attributes(String written) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (written == null) {
            return attributes;
        }
        for (String pair : PAIRS.split(written)) {
            String[] kv = KEY_VALUE.split(pair, 2);
            if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
                attributes.put(kv[0].strip(), kv[1].strip());
            }
        }
        return attributes;
    }
}
