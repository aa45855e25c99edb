package dev.kontor.orders.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kontor.customers.CustomerRules;
import dev.kontor.orders.OrderInput;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order's input as JSON, for an amendment waiting for approval: it is carried out later exactly as it
 * was asked. How a form names its fields is not kept; a refusal then names them as the API does.
 */
@Component
public class OrderInputJson {

    /** Keeps the customer choice's field naming out of the JSON. */
    abstract static class CustomerChoiceWithoutFieldNames {
        @JsonIgnore
        abstract CustomerRules.FieldNames fieldNames();
    }

    private final JsonMapper json = JsonMapper.builder()
            .addMixIn(OrderInput.CustomerChoice.class, CustomerChoiceWithoutFieldNames.class)
            .findAndAddModules()
            .build();

    public String write(OrderInput input) {
        return json.writeValueAsString(input);
    }

    public OrderInput read(String value) {
        return json.readValue(value, OrderInput.class);
    }
}
