package dev.kontor.fields;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.access.Users;
import dev.kontor.fields.internal.FieldRepository;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom fields of orders and customers: defining them (admins), and checking an order's (a customer's) values
 * against them for whoever writes orders (customers). The definitions are read at most every {@value #FRESH_SECONDS} seconds per instance (an order's
 * placement asks for them), so a change reaches every instance within that time; the instance that made it at once.
 */
@Service
public class CustomFields {

    static final int FRESH_SECONDS = 2;

    private final FieldRepository fields;
    private final Permissions permissions;
    private final Users users;

    private volatile Snapshot snapshot;

    private record Snapshot(List<CustomField> fields, Instant readAt) {}

    CustomFields(FieldRepository fields, Permissions permissions, Users users) {
        this.fields = fields;
        this.permissions = permissions;
        this.users = users;
    }

    /** Every field, of orders and of customers, retired ones too, in their order. */
    public List<CustomField> all() {
        Snapshot seen = snapshot;
        Instant now = Instant.now();
        if (seen == null
                || seen.readAt().plus(Duration.ofSeconds(FRESH_SECONDS)).isBefore(now)) {
            seen = new Snapshot(fields.all(), now);
            snapshot = seen;
        }
        return seen.fields();
    }

    /** The fields of orders (or of customers), retired ones too, in their order. */
    public List<CustomField> all(FieldScope scope) {
        return all().stream().filter(f -> f.scope() == scope).toList();
    }

    /** The fields of orders (or of customers) offered on forms and in filters. */
    public List<CustomField> active(FieldScope scope) {
        return all().stream().filter(f -> f.scope() == scope && f.active()).toList();
    }

    /**
     * An order's (a customer's) values checked and in their stored form; the problems name their field. {@code null}
     * values (a marketplace file's order, a buyer created with it) are not held to required fields.
     */
    public Map<String, Object> check(FieldScope scope, Map<String, ?> values, Problems problems) {
        return check(scope, values, true, problems);
    }

    /** {@link #check(FieldScope, Map, Problems)}, holding given values to the required fields only if asked. */
    public Map<String, Object> check(FieldScope scope, Map<String, ?> values, boolean holdRequired, Problems problems) {
        List<CustomField> defined = all(scope);
        if (defined.isEmpty() && (values == null || values.isEmpty())) {
            return Map.of();
        }
        return FieldRules.check(defined, values, holdRequired && values != null, this::exists, problems);
    }

    /**
     * A list filter's custom fields ({@code hall=4B}, as typed) in their stored form, for containment; a key that is no
     * field or a value that is none of the field's is refused naming {@code customFields.<key>}.
     */
    public Map<String, Object> filter(FieldScope scope, Map<String, String> written) {
        Problems problems = new Problems();
        Map<String, Object> values = FieldRules.check(all(scope), written, false, this::exists, problems);
        problems.throwIfAny();
        return values;
    }

    /** Of these order field keys, the active fields the values lack (a sales stage requires them). */
    public List<CustomField> missing(Collection<String> keys, Map<String, ?> values) {
        return FieldRules.missing(keys, all(FieldScope.ORDER), values);
    }

    /** What an admin writes for a field (key and type are kept once the field exists). */
    public record Definition(
            String key,
            dev.kontor.shared.Names names,
            FieldType type,
            List<CustomField.Choice> choices,
            boolean required,
            Boolean active,
            FieldScope scope) {

        /** An order field's definition. */
        public Definition(
                String key,
                dev.kontor.shared.Names names,
                FieldType type,
                List<CustomField.Choice> choices,
                boolean required,
                Boolean active) {
            this(key, names, type, choices, required, active, FieldScope.ORDER);
        }
    }

    @Transactional
    public CustomField define(Actor actor, Definition d) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        Set<String> taken = fields.all().stream().map(CustomField::key).collect(Collectors.toSet());
        FieldRules.checkDefinition(d.key(), d.names(), d.type(), d.choices(), taken)
                .throwIfAny();
        long id = fields.insert(
                new CustomField(0, d.key(), d.names(), d.type(), d.choices(), d.required(), 0, true, d.scope()));
        snapshot = null;
        return get(id);
    }

    @Transactional
    public CustomField change(Actor actor, long id, Definition d) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        CustomField before = get(id);
        FieldRules.checkDefinition(before.key(), d.names(), before.type(), d.choices(), Set.of())
                .throwIfAny();
        fields.update(new CustomField(
                id,
                before.key(),
                d.names(),
                before.type(),
                d.choices(),
                d.required(),
                before.position(),
                d.active() == null ? before.active() : d.active(),
                before.scope()));
        snapshot = null;
        return get(id);
    }

    @Transactional(readOnly = true)
    public CustomField get(long id) {
        return fields.all().stream()
                .filter(f -> f.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("custom field", id));
    }

    private boolean exists(long userId) {
        try {
            users.byId(userId);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
