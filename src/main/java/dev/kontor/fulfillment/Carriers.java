package dev.kontor.fulfillment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.fulfillment.internal.CarrierRepository;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The carriers the warehouse ships with (seeded: SF Express, YTO, STO, ZTO, JD Logistics, DHL, UPS, DPD, Posten/Bring). */
@Service
public class Carriers {

    private final CarrierRepository carriers;
    private final Permissions permissions;

    Carriers(CarrierRepository carriers, Permissions permissions) {
        this.carriers = carriers;
        this.permissions = permissions;
    }

    @Transactional(readOnly = true)
    public List<Carrier> all() {
        return carriers.findAll();
    }

    @Transactional(readOnly = true)
    public List<Carrier> active() {
        return carriers.findAll().stream().filter(Carrier::active).toList();
    }

    /** A carrier by code or name. */
    @Transactional(readOnly = true)
    public Optional<Carrier> find(String codeOrName) {
        return Text.clean(codeOrName) == null ? Optional.empty() : carriers.find(codeOrName);
    }

    /** Adds a carrier or changes one (admins): name, tracking-number pattern, offered or not. */
    @Transactional
    public Carrier save(Actor actor, String code, String name, String pattern, boolean active) {
        permissions.requireAllowed(actor, Permission.SETTINGS_EDIT, Situation.NONE);
        Problems problems = new Problems();
        String key = Text.clean(code) == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (key == null) {
            problems.add("code", "validation.required");
        } else if (!key.matches("[A-Z][A-Z0-9_]{1,31}")) {
            problems.add("code", "validation.carrier.code");
        }
        String label = Text.clean(name);
        if (label == null) {
            problems.add("name", "validation.required");
        } else if (label.length() > 50) {
            problems.add("name", "validation.too-long", 50);
        } else if (key != null && carriers.nameTakenByOther(label, key)) {
            problems.add("name", "validation.carrier.name-taken", label);
        }
        String regex = Text.clean(pattern);
        if (regex != null) {
            if (regex.length() > 200) {
                problems.add("trackingPattern", "validation.too-long", 200);
            } else {
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    problems.add("trackingPattern", "validation.carrier.pattern", e.getDescription());
                }
            }
        }
        problems.throwIfAny();
        Carrier carrier = new Carrier(key, label, regex, active);
        carriers.save(carrier);
        return carriers.find(key).orElseThrow();
    }
}
