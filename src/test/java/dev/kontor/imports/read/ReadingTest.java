package dev.kontor.imports.read;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.kontor.shared.Address;
import dev.kontor.shared.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How marketplace files are read: values as marketplaces write them, encodings, headers, and each format's quirks. */
class ReadingTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "268.00元|CNY|26800",
                "¥1,234.50|CNY|123450",
                "￥ 99|CNY|9900",
                "$19.50|USD|1950",
                "1.234,50 €|EUR|123450",
                "12,5|EUR|1250",
                "0.0|CNY|0",
                "-5.90|EUR|-590",
                "100 CNY|CNY|10000",
                "=\"42.10\"|CNY|4210",
                "1000|JPY|1000"
            })
    void amountsAsMarketplacesWriteThem(String written, String currency, long minor) {
        assertThat(Values.amount(written, currency)).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"12,5x元|CNY", "1.005|EUR", "abc|USD", "-|CNY", "1.5|JPY", "<b>3</b>|CNY"})
    void whatIsNotAnAmountIsRefused(String written, String currency) {
        assertThatThrownBy(() -> Values.amount(written, currency)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void emptyCellsAreAbsentNotZero() {
        assertThat(Values.amount("  ", "CNY")).isNull();
        assertThat(Values.text("=\"\"")).isNull();
        assertThat(Values.whole("")).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"2|2", "1,000|1000", "3.0|3"})
    void wholeNumbers(String written, int value) {
        assertThat(Values.whole(written)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"1.5", "x"})
    void fractionsAreNotWholeNumbers(String written) {
        assertThatThrownBy(() -> Values.whole(written)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-12-03 10:15:00|2026-12-03T02:15:00Z",
                "2026/12/3 10:15|2026-12-03T02:15:00Z",
                "2026-12-03|2026-12-02T16:00:00Z",
                "Dec-03-26|2026-12-02T16:00:00Z",
                "3.12.2026 10:15|2026-12-03T02:15:00Z",
                "2025-05-11 09:55:16 -0400|2025-05-11T13:55:16Z",
                "2026-12-03T10:20:30+00:00|2026-12-03T10:20:30Z"
            })
    void timesInTheFormatsExportsUse(String written, String instant) {
        assertThat(Values.time(written, CHINA)).isEqualTo(Instant.parse(instant));
    }

    @Test
    void aDateThatIsNoDateIsRefused() {
        assertThatThrownBy(() -> Values.time("yesterday", CHINA)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void theEncodingIsFoundFromTheBytes() {
        byte[] gbk = "订单编号,总金额\n1,268.00元\n".getBytes(Charset.forName("GBK"));
        assertThat(Decoding.detect(gbk, gbk.length)).isEqualTo(Decoding.GB18030);
        byte[] utf8 = "订单编号,总金额\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Decoding.detect(utf8, utf8.length)).isEqualTo(StandardCharsets.UTF_8);
        byte[] latin = "Name,Straße\n".getBytes(Charset.forName("windows-1252"));
        assertThat(Decoding.detect(latin, latin.length)).isEqualTo(Decoding.WINDOWS_1252);
    }

    @Test
    void theHeaderIsTheFirstRowWithNamesTrimmedAndWithoutAByteOrderMark() {
        byte[] file = "\uFEFF\n,,\n订单编号,收货地址 ,总金额\n=\"1\",上海,1\n".getBytes(StandardCharsets.UTF_8);
        try (Sheet sheet = Sheet.open(new ByteArrayInputStream(file))) {
            assertThat(sheet.header()).containsExactly("订单编号", "收货地址", "总金额");
            Sheet.Row row = sheet.iterator().next();
            assertThat(Values.text(row.get("订单编号"))).isEqualTo("1");
            assertThat(row.get("收货地址")).isEqualTo("上海");
            assertThat(row.line()).isEqualTo(4);
        }
    }

    @Test
    void tabsAndSemicolonsSeparateAsWellAsCommas() {
        try (Sheet tabs = Sheet.open(new ByteArrayInputStream("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(tabs.separator()).isEqualTo('\t');
        }
        try (Sheet semi = Sheet.open(new ByteArrayInputStream("a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(semi.separator()).isEqualTo(';');
        }
    }

    @Test
    void taobaosOneLineAddressIsTakenApart() {
        Address address = TaobaoReader.address("浙江省 杭州市 西湖区 文一西路969号(310000)", "王小明", "13812345678");
        assertThat(address.region()).isEqualTo("浙江省");
        assertThat(address.city()).isEqualTo("杭州市");
        assertThat(address.street()).isEqualTo("西湖区 文一西路969号");
        assertThat(address.postalCode()).isEqualTo("310000");
        assertThat(address.country()).isEqualTo("CN");
    }

    @Test
    void taobaosItemAttributesBecomeTheVariantsAttributes() {
        assertThat(TaobaoReader.attributes("颜色分类:驼色;尺码:M"))
                .containsEntry("颜色分类", "驼色")
                .containsEntry("尺码", "M");
        assertThat(TaobaoReader.attributes("颜色分类：黑色；尺码：XL")).containsEntry("尺码", "XL");
        assertThat(TaobaoReader.attributes("")).isEmpty();
    }

    @Test
    void aCellThatCannotBeReadIsAProblemOnItsLineAndColumnAndTheRestOfTheRowIsRead() {
        String file = "订单编号,总金额,订单创建时间,订单状态\n=\"7\",12x,2026-13-45 10:00:00,交易成功\n";
        List<StagedOrder> orders = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Sheet sheet = Sheet.open(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)))) {
            new TaobaoReader().read(sheet, new FormatReader.Sink() {
                @Override
                public void order(StagedOrder order) {
                    orders.add(order);
                }

                @Override
                public void line(StagedLine line) {}

                @Override
                public void problem(long line, String column, String externalId, Message message) {
                    problems.add(line + " " + column + " " + externalId + " " + message.key());
                }
            });
        }
        assertThat(problems).containsExactly("2 总金额 7 import.problem.amount", "2 订单创建时间 7 import.problem.date");
        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(o.total()).isNull();
            assertThat(o.status()).isEqualTo(MarketStatus.COMPLETED);
        });
    }
}
