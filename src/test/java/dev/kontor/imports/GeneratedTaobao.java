package dev.kontor.imports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** A generated Taobao pair of any size: paid orders of three items each, as the fixtures write them (GBK). */
public final class GeneratedTaobao {

    private GeneratedTaobao() {}

    public static String orders(int n) {
        return HEADER_ORDERS + orders(1, n);
    }

    public static String items(int n) {
        return HEADER_ITEMS + items(1, n);
    }

    /** The pair written to two files, ten thousand orders at a time (a million lines without a million in memory). */
    public static void write(Path orders, Path items, int n) throws IOException {
        Charset gbk = Charset.forName("GBK");
        try (Writer o = Files.newBufferedWriter(orders, gbk);
                Writer i = Files.newBufferedWriter(items, gbk)) {
            o.write(HEADER_ORDERS);
            i.write(HEADER_ITEMS);
            for (int from = 1; from <= n; from += 10_000) {
                int to = Math.min(n, from + 9_999);
                o.write(orders(from, to));
                i.write(items(from, to));
            }
        }
    }

    private static final String HEADER_ORDERS = "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,买家实际支付金额,"
            + "买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,订单付款时间 ,"
            + "宝贝标题 ,宝贝种类,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称\r\n";

    private static String orders(int first, int last) {
        StringBuilder csv = new StringBuilder((last - first + 1) * 260);
        for (int i = first; i <= last; i++) {
            csv.append("=\"")
                    .append(9_000_000_000L + i)
                    .append("\",tb_buyer")
                    .append(i % 5000)
                    .append(",buyer")
                    .append(i % 5000)
                    .append("@alipay.cn,87.00元,10.00元,0,97.00元,0,97.00元,0,")
                    .append("买家已付款，等待卖家发货,,王小明")
                    .append(i % 97)
                    .append(",浙江省 杭州市 西湖区 文一西路")
                    .append(i % 999)
                    .append("号(310000),快递,,1381234")
                    .append(String.format("%04d", i % 10000))
                    .append(",2026-12-03 10:15:00,2026-12-03 10:16:00,宝贝,3,,,,3,,小店\r\n");
        }
        return csv.toString();
    }

    private static final String HEADER_ITEMS = "订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码\r\n";

    private static String items(int first, int last) {
        StringBuilder csv = new StringBuilder((last - first + 1) * 3 * 90);
        for (int i = first; i <= last; i++) {
            for (int line = 0; line < 3; line++) {
                csv.append("=\"")
                        .append(9_000_000_000L + i)
                        .append("\",龙井茶 ")
                        .append(line)
                        .append(",29.00,1,,颜色分类:绿;规格:100g,,,,TEA-")
                        .append(line)
                        .append("\r\n");
            }
        }
        return csv.toString();
    }
}
