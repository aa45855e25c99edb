package dev.kontor.imports.read;

import java.util.List;

/**
 * Taobao's and Tmall's 宝贝报表 (ExportOrderDetailList*.csv): one row per item, matched to its order by 订单编号 (Tmall's
 * newer file: 主订单编号). 商家编码 is the item code, 商品属性 the variant's attributes; prices in 元.
 */
public final class TaobaoItemsReader implements FormatReader {

    @Override
    public ImportFormat format() {
        return ImportFormat.TAOBAO_ITEMS;
    }

    @Override
    public int recognises(List<String> header) {
        if (!header.contains("标题") || !(header.contains("订单编号") || header.contains("主订单编号"))) {
            return 0;
        }
        return 1
                + (int) List.of("价格", "购买数量", "商品属性", "商家编码", "外部系统编号").stream()
                        .filter(header::contains)
                        .count();
    }

    @Override
    public List<String> required() {
        return List.of("标题", "价格", "购买数量");
    }

    @Override
    public void read(Sheet sheet, Sink sink) {
        String idColumn = sheet.has("主订单编号") ? "主订单编号" : "订单编号";
        for (Sheet.Row row : sheet) {
            String id = Values.text(row.get(idColumn));
            if (row.isBlank() || id == null || id.startsWith("#")) {
                continue;
            }
            Cells c = new Cells(row, sink, id);
            sink.line(new StagedLine(
                    id,
                    row.line(),
                    c.text("商家编码", "外部系统编号"),
                    c.text("标题"),
                    TaobaoReader.attributes(c.text("商品属性")),
                    c.amount("价格", "CNY"),
                    c.whole("购买数量"),
                    null));
        }
    }
}
