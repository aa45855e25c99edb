package dev.kontor.access;

import java.math.BigDecimal;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings.
 *
 * @param discountLimitPercent  the largest discount (of the list value) sales and customer service give
 *                              without a supervisor's approval
 * @param rolesSeeingAllOrders  roles that see every order; sales see their own and those they observe
 * @param loginAttempts         failed sign-ins allowed per user name within {@code loginLockMinutes}
 * @param loginLockMinutes      how long further sign-ins are refused after that
 * @param bcryptStrength        the cost of hashing passwords
 */
@ConfigurationProperties("kontor.access")
public record AccessSettings(
        @DefaultValue("10") BigDecimal discountLimitPercent,

        @DefaultValue({"ADMIN", "SUPERVISOR", "CUSTOMER_SERVICE", "FINANCE", "WAREHOUSE", "PURCHASING"})
        Set<Role> rolesSeeingAllOrders,

        @DefaultValue("5") int loginAttempts,
        @DefaultValue("15") int loginLockMinutes,
        @DefaultValue("10") int bcryptStrength) {

    public int discountLimitBasisPoints() {
        return discountLimitPercent.movePointRight(2).intValue();
    }
}
