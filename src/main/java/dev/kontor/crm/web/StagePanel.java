package dev.kontor.crm.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.crm.LostReason;
import dev.kontor.crm.Pipelines;
import dev.kontor.crm.StageMoves;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderPanel;
import dev.kontor.orders.Orders;
import org.springframework.stereotype.Component;

/** The order page's sales stage: the pipeline and stage it stands in, why it was lost, and a form to move it. */
@Component
class StagePanel implements OrderPanel {

    private final StageMoves moves;
    private final Pipelines pipelines;
    private final Permissions permissions;
    private final Orders orders;

    StagePanel(StageMoves moves, Pipelines pipelines, Permissions permissions, Orders orders) {
        this.moves = moves;
        this.pipelines = pipelines;
        this.permissions = permissions;
        this.orders = orders;
    }

    @Override
    public int position() {
        return 4;
    }

    @Override
    public String template() {
        return "crm/stage-panel";
    }

    @Override
    public Map<String, Object> data(Order order, Actor actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("place", moves.of(actor, order.id()));
        boolean mayMove = permissions
                .check(actor, Permission.ORDER_STAGE, orders.situationOf(order))
                .isAllowed();
        data.put("mayMove", mayMove);
        if (mayMove) {
            data.put("pipelines", pipelines.all());
            data.put(
                    "lostReasons",
                    pipelines.lostReasons().stream().filter(LostReason::active).toList());
        }
        return data;
    }
}
