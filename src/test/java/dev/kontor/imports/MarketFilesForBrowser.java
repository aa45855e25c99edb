package dev.kontor.imports;

import java.nio.charset.Charset;

/** The marketplace files of {@link MarketFiles}, for the browser journey in another package. */
public final class MarketFilesForBrowser {

    private MarketFilesForBrowser() {}

    public static byte[] taobaoOrders() {
        return MarketFiles.taobaoOrders();
    }

    public static byte[] taobaoItems() {
        return MarketFiles.taobaoItems();
    }

    /** The next day's orders report: order 1003, unpaid yesterday, is paid now. */
    public static byte[] laterOrders() {
        String address = MarketFiles.HANGZHOU;
        String csv = MarketFiles.TAOBAO_ORDERS_HEADER + "\r\n"
                + MarketFiles.taobaoOrder(
                        "1003",
                        "zhang@alipay.cn",
                        "30.00",
                        "0.00",
                        "30.00",
                        "30.00",
                        "买家已付款，等待卖家发货",
                        "",
                        "张伟",
                        address,
                        "2026-12-03 12:00:00",
                        "2026-12-04 08:00:00",
                        "",
                        "")
                + "\r\n";
        return csv.getBytes(Charset.forName("GBK"));
    }
}
