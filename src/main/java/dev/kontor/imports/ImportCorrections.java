package dev.kontor.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.kontor.access.Actor;
import dev.kontor.access.Permission;
import dev.kontor.access.Permissions;
import dev.kontor.access.Situation;
import dev.kontor.imports.internal.ImportProblemRepository;
import dev.kontor.imports.internal.ImportRepository;
import dev.kontor.imports.read.StagedOrder;
import dev.kontor.imports.read.Values;
import dev.kontor.shared.ActionRefusedException;
import dev.kontor.shared.Address;
import dev.kontor.shared.Countries;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.Problems;
import dev.kontor.shared.ShopSettings;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixing a staged order in the review (the order time the file lacked, a name, an address, the total) instead of
 * editing the file and uploading it again: the corrected values are kept with who corrected them, what reading had
 * found in that order's cells is forgotten, and the batch is checked again. Not once the batch is committed.
 */
@Service
public class ImportCorrections {

    private static final int MAX_TEXT = 200;

    private final ImportRepository imports;
    private final ImportProblemRepository problems;
    private final ImportStaging staging;
    private final Permissions permissions;
    private final ShopSettings shop;
    private final Clock clock;

    ImportCorrections(
            ImportRepository imports,
            ImportProblemRepository problems,
            ImportStaging staging,
            Permissions permissions,
            ShopSettings shop,
            Clock clock) {
        this.imports = imports;
        this.problems = problems;
        this.staging = staging;
        this.permissions = permissions;
        this.shop = shop;
        this.clock = clock;
    }

    /**
     * What a person typed: the order time in the shop's time zone ({@code 2026-12-03 10:15}), an amount as people
     * write it; blank for none.
     */
    public record Correction(
            String placedAt,
            String buyer,
            String email,
            String phone,
            String street,
            String postalCode,
            String city,
            String region,
            String country,
            String total) {}

    @Transactional
    public ImportRow correct(Actor actor, long batchId, long rowId, Correction c) {
        permissions.require(actor, Permission.ORDER_CREATE, Situation.NONE);
        long job = imports.lockBatch(batchId).orElseThrow(() -> new NotFoundException("import", batchId));
        ImportBatch batch = imports.find(batchId).orElseThrow();
        if (job != 0) {
            throw new ActionRefusedException(
                    "correct",
                    "COMMITTED",
                    "import.refused.committed",
                    batch.name(),
                    String.valueOf(batch.committedByName()));
        }
        ImportRow row = imports.row(batchId, rowId).orElseThrow(() -> new NotFoundException("import-order", rowId));
        if (row.verdict() == ImportVerdict.DUPLICATE) {
            throw new ActionRefusedException(
                    "correct",
                    "DUPLICATE",
                    "import.refused.duplicate",
                    row.order().externalId());
        }
        Problems found = new Problems();
        Instant placedAt = time(c.placedAt(), found);
        Long total = amount(c.total(), row.order().currency(), found);
        String buyer = text("buyer", c.buyer(), found);
        String email = text("email", c.email(), found);
        String phone = text("phone", c.phone(), found);
        String street = text("street", c.street(), found);
        String postalCode = text("postalCode", c.postalCode(), found);
        String city = text("city", c.city(), found);
        String region = text("region", c.region(), found);
        String country = text("country", c.country(), found);
        found.throwIfAny();
        String countryCode =
                country == null ? null : Countries.codeOf(country).orElse(country.toUpperCase(Locale.ROOT));
        Address address = street == null && city == null && postalCode == null && countryCode == null
                ? null
                : new Address(buyer, null, street, null, postalCode, city, region, countryCode, phone);
        StagedOrder corrected = row.order().corrected(placedAt, buyer, email, phone, address, total);
        imports.correct(rowId, corrected, actor.displayName(), clock.instant());
        problems.forgetReading(batchId, row.order().externalId(), ImportStaging.READING_CODES);
        staging.recheck(actor, batchId);
        return imports.row(batchId, rowId).orElseThrow();
    }

    private Instant time(String written, Problems found) {
        try {
            return Values.time(written, shop.timeZone());
        } catch (DateTimeParseException e) {
            found.add("placedAt", "import.problem.date", written.strip());
            return null;
        }
    }

    private static Long amount(String written, String currency, Problems found) {
        try {
            return Values.amount(written, currency);
        } catch (NumberFormatException e) {
            found.add("total", "import.problem.amount", written.strip());
            return null;
        }
    }

    private static String text(String field, String written, Problems found) {
        String clean = Text.clean(written);
        if (clean != null && clean.length() > MAX_TEXT) {
            found.add(field, "validation.too-long", MAX_TEXT);
        }
        return clean;
    }
}
