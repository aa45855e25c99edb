package dev.kontor.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an issued document said, kept with it as it was: later edits to the order never change it. Amounts are in
 * minor units of {@link #currency}; a credit note's are positive (it is a credit by its kind).
 *
 * @param orderNumber the order it was issued for
 * @param corrects    the number of the invoice a credit note corrects; {@code null} otherwise
 * @param seller      the company issuing it
 * @param buyer       the customer: the billing address, else the shipping address
 * @param shipTo      where the goods go
 * @param dueOn       when the money is due (invoices and pro-formas); {@code null} otherwise
 * @param outstanding what the order still owed when it was issued
 */
public record DocumentContent(
        String orderNumber,
        Instant orderPlacedAt,
        String corrects,
        Party seller,
        Party buyer,
        Party shipTo,
        String customerEmail,
        String currency,
        boolean pricesIncludeTax,
        List<Line> lines,
        long subtotal,
        long shipping,
        long discount,
        List<TaxRow> taxes,
        long tax,
        long total,
        long paid,
        long outstanding,
        LocalDate dueOn,
        String paymentMethod) {

    public DocumentContent {
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
    }

    /** A name and postal lines, with tax and bank numbers where a seller or business has them. */
    public record Party(String name, String company, List<String> addressLines, String country, String taxId) {

        public Party {
            addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        }
    }

    /**
     * One item: {@code lineId} is the order line's id, so a credit note names what it takes back.
     *
     * @param total price times quantity less the line's discount
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DocumentLine")
    public record Line(
            Long lineId,
            String sku,
            String name,
            String attributes,
            int quantity,
            long unitPrice,
            long discount,
            long total,
            int taxRate) {}

    /** The tax of one rate (basis points), on what the lines of that rate come to. */
    public record TaxRow(int rate, long tax) {}
}
