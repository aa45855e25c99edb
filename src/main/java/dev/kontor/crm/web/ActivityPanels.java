package dev.kontor.crm.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.crm.Activities;
import dev.kontor.crm.ActivityKind;
import dev.kontor.customers.Customer;
import dev.kontor.customers.CustomerPanel;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderPanel;
import dev.kontor.shared.ShopSettings;
import org.springframework.stereotype.Component;

/** The activities section of the order page and the customer page: what is planned, what came of it, plan one. */
@Component
class ActivityPanels implements OrderPanel, CustomerPanel {

    private final Activities activities;
    private final Users users;
    private final Permissions permissions;
    private final ShopSettings shop;

    ActivityPanels(Activities activities, Users users, Permissions permissions, ShopSettings shop) {
        this.activities = activities;
        this.users = users;
        this.permissions = permissions;
        this.shop = shop;
    }

    private Map<String, Object> data(Actor actor, String subjectType, long subjectId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subjectType", subjectType);
        data.put("subjectId", subjectId);
        data.put("activities", activities.of(actor, subjectType, subjectId));
        data.put("now", activities.now());
        boolean mayPlan = permissions
                .check(actor, Permission.ACTIVITY_PLAN, Situation.NONE)
                .isAllowed();
        data.put("mayPlan", mayPlan);
        if (mayPlan) {
            data.put("kinds", ActivityKind.PLANNED);
            Map<Long, String> people = new LinkedHashMap<>();
            users.all().stream().filter(User::enabled).forEach(u -> people.put(u.id(), u.displayName()));
            data.put("people", people);
            data.put("me", actor.userId());
            LocalDate tomorrow =
                    LocalDate.ofInstant(activities.now(), shop.timeZone()).plusDays(1);
            data.put("defaultDue", tomorrow.atTime(LocalTime.of(10, 0)).toString());
        }
        return data;
    }

    @Override
    public int position() {
        return 5;
    }

    @Override
    public String template() {
        return "crm/panel";
    }

    @Override
    public Map<String, Object> data(Order order, Actor actor) {
        Map<String, Object> data = data(actor, "order", order.id());
        data.put("email", order.content().email()); // where "Write to the customer" sends
        return data;
    }

    @Override
    public Map<String, Object> data(Customer customer, Actor actor) {
        return data(actor, "customer", customer.id());
    }
}
