package dev.kontor.customers;

import java.util.List;

import dev.kontor.shared.Address;
import dev.kontor.shared.FieldProblem;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Alibaba's foreign-order rule and the basic checks on customers. */
class CustomerRulesTest {

    private static final String HOME = "CN";

    private static List<FieldProblem> problems(CustomerDetails details) {
        return CustomerRules.check(details, HOME, "customer.", CustomerRules.FieldNames.SINGLE_FIELDS)
                .list();
    }

    @Test
    void aForeignCompanyInChineseScriptWithoutLandlineIsToldExactlyWhatIsMissing() {
        CustomerDetails details = CustomerDetails.of(
                CustomerKind.COMPANY,
                "Müller",
                "株式会社ミュラー",
                "DE",
                null,
                "info@mueller.de",
                "+49 170 1234567",
                null,
                null,
                null,
                new Address("Müller", null, "ハウプト通り 12", null, "50667", "Köln", null, "DE", null));
        assertThat(problems(details))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(
                        Tuple.tuple("customer.company", "validation.foreign.company-latin"),
                        Tuple.tuple("customer.address.street", "validation.foreign.address-latin"),
                        Tuple.tuple("customer.landline", "validation.foreign.landline-required"));
    }

    @Test
    void aForeignCompanyWithLatinNameAddressAndLandlineIsAccepted() {
        CustomerDetails details = CustomerDetails.of(
                CustomerKind.COMPANY,
                "Jürgen Müller",
                "Müller Textil GmbH",
                "DE",
                "de",
                "info@mueller.de",
                null,
                "+49 221 123456",
                null,
                null,
                new Address("Jürgen Müller", null, "Hauptstraße 12", null, "50667", "Köln", null, "DE", null));
        assertThat(problems(details)).isEmpty();
    }

    @Test
    void aCompanyAtHomeMayWriteInItsOwnScript() {
        CustomerDetails details = CustomerDetails.of(
                CustomerKind.COMPANY, "李娜", "杭州贸易有限公司", "CN", null, null, "+86 138 0013 8000", null, null, null, null);
        assertThat(problems(details)).isEmpty();
    }

    @Test
    void aForeignPrivatePersonNeedsNoLandline() {
        CustomerDetails details = CustomerDetails.of(
                CustomerKind.PERSON,
                "Kari Nordmann",
                null,
                "NO",
                "nb",
                "kari@example.no",
                null,
                null,
                null,
                null,
                null);
        assertThat(problems(details)).isEmpty();
    }

    @Test
    void badEmailPhoneAndCountryAreNamedByTheirField() {
        CustomerDetails details = CustomerDetails.of(
                CustomerKind.PERSON, "Kari", null, "Norway", null, "kari@", "call me", null, null, null, null);
        assertThat(problems(details))
                .extracting(FieldProblem::field)
                .containsExactly("customer.country", "customer.email", "customer.phone");
    }

    @Test
    void aCompanyNeedsItsName() {
        CustomerDetails details =
                CustomerDetails.of(CustomerKind.COMPANY, "Kari", null, "NO", null, null, null, null, null, null, null);
        assertThat(problems(details)).extracting(FieldProblem::code).containsExactly("validation.company.required");
    }
}
