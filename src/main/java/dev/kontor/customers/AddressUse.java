package dev.kontor.customers;

/**
 * Which of a customer's addresses new orders use: one to ship to, and one to bill to ({@code null}: the shipping
 * address). Positions in the customer's list of addresses, from 0.
 */
public record AddressUse(int shipping, Integer billing) {

    /** The first address, for shipping and billing: how customers were kept before there was a choice. */
    public static final AddressUse FIRST = new AddressUse(0, null);

    /** This use for a list of {@code count} addresses: positions past its end fall back to the first address. */
    public AddressUse within(int count) {
        int ship = shipping >= 0 && shipping < count ? shipping : 0;
        Integer bill = billing != null && billing >= 0 && billing < count && billing != ship ? billing : null;
        return new AddressUse(ship, bill);
    }
}
