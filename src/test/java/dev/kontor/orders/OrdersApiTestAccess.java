package dev.kontor.orders;

import java.util.Map;

/** Lets other packages' API tests use the sample orders of {@link OrdersApiTest}. */
public final class OrdersApiTestAccess {

    private OrdersApiTestAccess() {}

    public static Map<String, Object> taobaoOrder(String externalId) {
        return OrdersApiTest.taobaoOrder(externalId);
    }
}
