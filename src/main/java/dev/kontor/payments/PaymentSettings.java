package dev.kontor.payments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invoice links and payment providers.
 *
 * @param linkDays      how long an invoice link works, in days
 * @param checkoutHold  how long a customer's checkout holds the draft's stock while the payment is made
 * @param recheckAfter  how long the reconciler waits before asking a provider again about a pending or unknown payment
 * @param bankAccount   the account customers paying by bank transfer are told to pay into (IBAN or local form)
 * @param bankHolder    the account holder's name (empty: the shop's name)
 */
@ConfigurationProperties("kontor.payments")
public record PaymentSettings(
        @DefaultValue("30") int linkDays,
        @DefaultValue("PT30M") Duration checkoutHold,
        @DefaultValue("PT5M") Duration recheckAfter,
        @DefaultValue("DE89 3704 0044 0532 0130 00") String bankAccount,
        @DefaultValue("") String bankHolder) {}
