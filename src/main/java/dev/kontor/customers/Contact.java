package dev.kontor.customers;

import java.util.Locale;

import dev.kontor.shared.Text;

/**
 * One e-mail, phone, landline or payer account of a customer.
 *
 * @param label what it is, where the kind alone does not say: {@code Alipay}, {@code PayPal}, {@code office}
 */
public record Contact(ContactKind kind, String value, String label) {

    public Contact {
        value = Text.clean(value);
        label = Text.clean(label);
    }

    /** The form search compares: e-mails and accounts in lower case, phones as digits. */
    public String normalized() {
        return switch (kind) {
            case PHONE, LANDLINE -> Text.digits(value);
            case EMAIL, PAYER_ACCOUNT -> value.toLowerCase(Locale.ROOT);
        };
    }
}
