package dev.kontor.fields;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.shared.Names;
import dev.kontor.shared.Problems;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each type's values, required fields and definitions, without a database. */
class FieldRulesTest {

    private static CustomField field(String key, FieldType type, boolean required) {
        return new CustomField(
                1,
                key,
                Names.of(key),
                type,
                type == FieldType.CHOICE ? List.of(new CustomField.Choice("express", Names.of("Express"))) : List.of(),
                required,
                0,
                true);
    }

    private static final List<CustomField> FIELDS = List.of(
            field("note", FieldType.TEXT, false),
            field("weight", FieldType.NUMBER, false),
            field("budget", FieldType.MONEY, false),
            field("deliveryDate", FieldType.DATE, true),
            field("gift", FieldType.YES_NO, false),
            field("speed", FieldType.CHOICE, false),
            field("buyer", FieldType.USER, false));

    @Test
    void goodValuesAreKeptInTheirStoredForm() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("note", "  Hall 4  ");
        given.put("weight", "12.50");
        given.put("budget", "1250.50 eur");
        given.put("deliveryDate", "2026-12-24");
        given.put("gift", true);
        given.put("speed", "express");
        given.put("buyer", 7);
        Problems problems = new Problems();
        Map<String, Object> kept = FieldRules.check(FIELDS, given, true, id -> id == 7, problems);
        assertThat(problems.list()).isEmpty();
        assertThat(kept)
                .containsEntry("note", "Hall 4")
                .containsEntry("weight", new java.math.BigDecimal("12.5"))
                .containsEntry("budget", Map.of("minor", 125050L, "currency", "EUR"))
                .containsEntry("deliveryDate", "2026-12-24")
                .containsEntry("gift", true)
                .containsEntry("speed", "express")
                .containsEntry("buyer", 7L);
    }

    @Test
    void badValuesAreRefusedEachNamingItsField() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("note", "x".repeat(501));
        given.put("weight", "heavy");
        given.put("budget", Map.of("minor", 12.5, "currency", "EUR"));
        given.put("deliveryDate", "24.12.2026");
        given.put("gift", "maybe");
        given.put("speed", "overnight");
        given.put("buyer", 8);
        given.put("colour", "blue");
        Problems problems = new Problems();
        FieldRules.check(FIELDS, given, true, id -> id == 7, problems);
        assertThat(problems.list())
                .extracting(p -> p.field() + " " + p.code())
                .containsExactlyInAnyOrder(
                        "customFields.note validation.field.text",
                        "customFields.weight validation.field.number",
                        "customFields.budget validation.field.money",
                        "customFields.deliveryDate validation.field.date",
                        "customFields.gift validation.field.yes_no",
                        "customFields.speed validation.field.choice",
                        "customFields.buyer validation.field.user",
                        "customFields.colour validation.field.unknown");
    }

    @Test
    void requiredFieldsHoldOnlyWhenTheWriterSpeaksOfThem() {
        Problems imported = new Problems();
        FieldRules.check(FIELDS, null, false, id -> true, imported);
        assertThat(imported.isEmpty()).isTrue();
        Problems written = new Problems();
        FieldRules.check(FIELDS, Map.of("deliveryDate", ""), true, id -> true, written);
        assertThat(written.list()).extracting(p -> p.code()).containsExactly("validation.field.required");
    }

    @Test
    void aStageRequiresTheFieldsItNames() {
        assertThat(FieldRules.missing(Set.of("deliveryDate", "speed"), FIELDS, Map.of("speed", "express")))
                .extracting(CustomField::key)
                .containsExactly("deliveryDate");
    }

    @Test
    void definitionsNeedAKeyANameATypeAndChoicesForAList() {
        assertThat(FieldRules.checkDefinition("Bad key", new Names(Map.of()), null, null, Set.of())
                        .list())
                .extracting(p -> p.field())
                .containsExactly("key", "names", "type");
        assertThat(FieldRules.checkDefinition("speed", Names.of("Speed"), FieldType.CHOICE, List.of(), Set.of("speed"))
                        .list())
                .extracting(p -> p.field())
                .containsExactly("key", "choices");
        assertThat(FieldRules.checkDefinition("hall", Names.of("Hall"), FieldType.TEXT, null, Set.of())
                        .isEmpty())
                .isTrue();
    }
}
