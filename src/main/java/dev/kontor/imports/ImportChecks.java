package dev.kontor.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kontor.customers.CustomerRules;
import dev.kontor.imports.read.Columns;
import dev.kontor.imports.read.ImportMapping;
import dev.kontor.imports.read.MarketStatus;
import dev.kontor.imports.read.StagedLine;
import dev.kontor.imports.read.StagedOrder;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderInputRules;
import dev.kontor.shared.Address;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.Message;
import dev.kontor.shared.Money;

/**
 * Seed 001's checks of an imported order, and more: order time, amounts (the total equals the items plus shipping
 * and tax minus discounts, within a cent), item codes known to the catalog, buyer name and address complete and
 * plausible for the country, quantities, items without an order's row and the other way round; then the order as
 * Kontor would place it goes through the same rules as an order typed in, so that what is ready here is not
 * refused at commit. Plain Java: what the database knows (item codes, carriers) comes in the {@link Context}.
 */
public final class ImportChecks {

    private static final Map<String, Pattern> POSTAL_CODES = Map.of(
            "CN", Pattern.compile("\\d{6}"),
            "DE", Pattern.compile("\\d{5}"),
            "NO", Pattern.compile("\\d{4}"),
            "US", Pattern.compile("\\d{5}(-\\d{4})?"),
            "SE", Pattern.compile("\\d{3} ?\\d{2}"),
            "AT", Pattern.compile("\\d{4}"),
            "CH", Pattern.compile("\\d{4}"),
            "FR", Pattern.compile("\\d{5}"),
            "GB", Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}", Pattern.CASE_INSENSITIVE));
    private static final Pattern LINE_FIELD = Pattern.compile("^lines\\[(\\d+)]\\.?(.*)$");

    private ImportChecks() {}

    /** An item with the file it came from. */
    public record Located(String fileName, Columns format, StagedLine line) {}

    /** A problem found, where. */
    public record Finding(String fileName, Long line, String column, Severity severity, Message message) {

        /** The message key: what kind of problem it is. */
        public String code() {
            return message.key();
        }
    }

    /**
     * What the checks know of the world.
     *
     * @param knownSkus the item codes of the order's lines that the catalog has, upper case
     * @param refuseUnknownItems whether a line with an item code the catalog lacks refuses the order (otherwise it
     *     is imported as a non-catalog line and flagged)
     * @param carrier the carrier code a marketplace's carrier name stands for, and whether it accepts the tracking
     *     number: empty when Kontor has no such carrier
     * @param customFields what is wrong with an order's values of the shop's own fields (a file is not held to the
     *     required ones)
     */
    public record Context(
            String channel,
            Set<String> channels,
            String homeCountry,
            Set<String> knownSkus,
            boolean refuseUnknownItems,
            BiFunction<String, String, Optional<CarrierFit>> carrier,
            Function<Map<String, ?>, List<FieldProblem>> customFields) {}

    /** A marketplace's carrier as Kontor knows it. */
    public record CarrierFit(String code, boolean acceptsTracking) {}

    /**
     * What the checks made of an order.
     *
     * @param input the order as it will be placed (when the verdict allows)
     * @param carrier the carrier its shipment is recorded with, when the marketplace shipped it and Kontor knows
     *     the carrier and its tracking number fits
     */
    public record Checked(ImportVerdict verdict, List<Finding> findings, OrderInput input, String carrier) {}

    /**
     * The checks of an order Kontor already has: a later file only says what happened since (paid, shipped,
     * closed), so only what that needs is checked; its content is Kontor's.
     */
    public static Checked checkUpdate(StagedOrder order, String fileName, Columns format, Context context) {
        List<Finding> findings = new ArrayList<>();
        String carrier = checkShipment(order, context, new Where(order, fileName, format, findings));
        return new Checked(findings.isEmpty() ? ImportVerdict.READY : ImportVerdict.WARNING, findings, null, carrier);
    }

    public static Checked check(
            StagedOrder order, String fileName, Columns format, List<Located> lines, Context context) {
        List<Finding> findings = new ArrayList<>();
        Where at = new Where(order, fileName, format, findings);
        if (order.placedAt() == null) {
            at.error("placedAt", "import.problem.time-missing");
        }
        if (order.buyer() == null) {
            at.error("buyer", "import.problem.name-missing");
        }
        checkAddress(order.shippingAddress(), at);
        if (lines.isEmpty()) {
            at.error(null, "import.problem.no-items", order.externalId());
        }
        List<OrderInput.LineInput> inputs = new ArrayList<>();
        long linesSum = 0;
        for (Located located : lines) {
            OrderInput.LineInput line = checkLine(located, context, findings);
            inputs.add(line);
            if (line.unitPrice() != null && line.quantity() != null) {
                linesSum += line.unitPrice() * line.quantity() - (line.discount() == null ? 0 : line.discount());
            }
        }
        boolean taxIncluded = true;
        long discount = 0;
        if (order.total() == null && !format.column("total").startsWith("field.")) {
            at.error("total", "import.problem.total-missing");
        } else if (!lines.isEmpty() && inputs.stream().allMatch(l -> l.unitPrice() != null && l.quantity() != null)) {
            long goods = order.goods() != null ? order.goods() : linesSum - value(order.discount());
            discount = linesSum - goods;
            long shipping = value(order.shipping());
            long tax = value(order.tax());
            long stated = order.total() != null ? order.total() : goods + shipping;
            if (Math.abs(stated - (goods + shipping)) <= 1) {
                taxIncluded = true;
            } else if (tax > 0 && Math.abs(stated - (goods + shipping + tax)) <= 1) {
                taxIncluded = false;
            } else {
                at.error("total", "import.problem.total", amount(stated, order), amount(goods + shipping + tax, order));
            }
            if (discount < -1) {
                at.error("total", "import.problem.lines-below-goods", amount(linesSum, order), amount(goods, order));
            }
        }
        String carrier = checkShipment(order, context, at);
        long taxable = linesSum - Math.max(0, discount); // the order's discount is not taxed
        Integer taxRate = taxIncluded || taxable <= 0 ? null : (int) Math.round(value(order.tax()) * 10000.0 / taxable);
        List<OrderInput.LineInput> priced = inputs.stream()
                .map(l -> new OrderInput.LineInput(
                        l.sku(), l.name(), l.attributes(), l.unitPrice(), l.quantity(), l.discount(), taxRate))
                .toList();
        OrderInput input = ImportedOrders.input(order, context.channel(), priced, Math.max(0, discount), taxIncluded);
        if (findings.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
            checkAsKontor(input, lines, at, context);
        }
        boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        ImportVerdict verdict =
                errors ? ImportVerdict.REJECTED : findings.isEmpty() ? ImportVerdict.READY : ImportVerdict.WARNING;
        return new Checked(verdict, findings, input, carrier);
    }

    private static void checkAddress(Address address, Where at) {
        if (address == null) {
            at.error("address", "import.problem.address-missing");
            return;
        }
        if (address.street() == null || address.city() == null) {
            at.error("address", "import.problem.address-incomplete");
        } else if (address.postalCode() == null && POSTAL_CODES.containsKey(address.country())) {
            at.warning("address", "import.problem.postal-code-missing");
        } else if (address.postalCode() != null
                && POSTAL_CODES.containsKey(address.country())
                && !POSTAL_CODES
                        .get(address.country())
                        .matcher(address.postalCode())
                        .matches()) {
            at.warning("address", "import.problem.postal-code", address.postalCode(), address.country());
        }
    }

    private static OrderInput.LineInput checkLine(Located located, Context context, List<Finding> findings) {
        StagedLine line = located.line();
        Columns format = located.format();
        String sku = line.sku();
        if (line.quantity() == null || line.quantity() <= 0) {
            findings.add(new Finding(
                    located.fileName(),
                    line.line(),
                    format.column("quantity"),
                    Severity.ERROR,
                    Message.of("import.problem.quantity", line.quantity() == null ? "" : line.quantity())));
        }
        if (line.unitPrice() == null) {
            findings.add(new Finding(
                    located.fileName(),
                    line.line(),
                    format.column("unitPrice"),
                    Severity.ERROR,
                    Message.of("import.problem.price-missing")));
        }
        if (sku == null) {
            sku = ImportedOrders.codeFor(line.name());
            findings.add(new Finding(
                    located.fileName(),
                    line.line(),
                    format.column("sku"),
                    Severity.WARNING,
                    Message.of("import.problem.no-sku", sku)));
        } else if (!context.knownSkus().contains(sku.strip().toUpperCase(Locale.ROOT))) {
            findings.add(new Finding(
                    located.fileName(),
                    line.line(),
                    format.column("sku"),
                    context.refuseUnknownItems() ? Severity.ERROR : Severity.WARNING,
                    Message.of(
                            context.refuseUnknownItems()
                                    ? "import.problem.unknown-sku-refused"
                                    : "import.problem.unknown-sku",
                            sku)));
        }
        return new OrderInput.LineInput(
                sku, line.name(), line.attributes(), line.unitPrice(), line.quantity(), line.discount(), null);
    }

    /** A shipped order's carrier: recorded when Kontor knows it and its tracking number fits, otherwise noted. */
    private static String checkShipment(StagedOrder order, Context context, Where at) {
        if (order.status() != MarketStatus.SHIPPED && order.status() != MarketStatus.COMPLETED) {
            return null;
        }
        if (order.carrier() == null) {
            at.warning("carrier", "import.problem.carrier-missing");
            return null;
        }
        Optional<CarrierFit> fit = context.carrier().apply(order.carrier(), order.tracking());
        if (fit.isEmpty()) {
            at.warning("carrier", "import.problem.carrier-unknown", order.carrier());
            return null;
        }
        if (order.tracking() != null && !fit.get().acceptsTracking()) {
            at.warning("carrier", "import.problem.tracking", order.tracking(), order.carrier());
            return null;
        }
        return fit.get().code();
    }

    /** The rules an order typed into Kontor goes through, each problem put on the file's line and column. */
    private static void checkAsKontor(OrderInput input, List<Located> lines, Where at, Context context) {
        List<FieldProblem> problems =
                new ArrayList<>(OrderInputRules.check(input, context.channels()).list());
        if (input.customer() != null && input.customer().details() != null) {
            problems.addAll(CustomerRules.check(
                            input.customer().details(),
                            context.homeCountry(),
                            "customer.",
                            CustomerRules.FieldNames.SINGLE_FIELDS)
                    .list());
        }
        if (input.customFields() != null && !input.customFields().isEmpty()) {
            problems.addAll(context.customFields().apply(input.customFields()));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (FieldProblem problem : problems) {
            if (!seen.add(problem.field() + problem.code())) {
                continue;
            }
            Matcher m = LINE_FIELD.matcher(problem.field() == null ? "" : problem.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < lines.size()) {
                Located located = lines.get(Integer.parseInt(m.group(1)));
                String field = m.group(2).isEmpty() ? "sku" : m.group(2);
                at.findings.add(new Finding(
                        located.fileName(),
                        located.line().line(),
                        located.format().column(field).startsWith("field.")
                                ? null
                                : located.format().column(field),
                        Severity.ERROR,
                        Message.of(problem)));
            } else {
                at.findings.add(new Finding(
                        at.fileName,
                        at.order.line(),
                        columnOf(problem.field(), at.format),
                        Severity.ERROR,
                        Message.of(problem)));
            }
        }
    }

    private static String columnOf(String field, Columns format) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("customFields.")) {
            String column = format.column(ImportMapping.CUSTOM + field.substring("customFields.".length()));
            return column.startsWith("field.") ? null : column;
        }
        String column = field.contains("ddress")
                ? format.column("address")
                : field.startsWith("customer.name")
                        ? format.column("buyer")
                        : field.equals("total") ? format.column("total") : null;
        return column == null || column.startsWith("field.") ? null : column;
    }

    private static long value(Long amount) {
        return amount == null ? 0 : amount;
    }

    private static Money amount(long minor, StagedOrder order) {
        return Money.of(minor, order.currency());
    }

    /** Where an order's problems go: its file and row, the column as the format names it. */
    private record Where(StagedOrder order, String fileName, Columns format, List<Finding> findings) {

        void error(String field, String key, Object... args) {
            add(field, Severity.ERROR, key, args);
        }

        void warning(String field, String key, Object... args) {
            add(field, Severity.WARNING, key, args);
        }

        private void add(String field, Severity severity, String key, Object... args) {
            String column = field == null || format.column(field).startsWith("field.") ? null : format.column(field);
            findings.add(new Finding(fileName, order.line(), column, severity, Message.of(key, args)));
        }
    }
}
