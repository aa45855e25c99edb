package dev.kontor.customers.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.customers.AddressUse;
import dev.kontor.customers.Blacklist;
import dev.kontor.customers.BlacklistEntry;
import dev.kontor.customers.Contact;
import dev.kontor.customers.ContactKind;
import dev.kontor.customers.ContactPerson;
import dev.kontor.customers.Customer;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.CustomerMerging;
import dev.kontor.customers.CustomerRules;
import dev.kontor.customers.Customers;
import dev.kontor.fields.FieldRules;
import dev.kontor.shared.web.AddressPayload;
import dev.kontor.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers over HTTP. */
@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers")
class CustomerApiController {

    private final Customers customers;
    private final CustomerMerging merging;
    private final Blacklist blacklist;

    CustomerApiController(Customers customers, CustomerMerging merging, Blacklist blacklist) {
        this.customers = customers;
        this.merging = merging;
        this.blacklist = blacklist;
    }

    record BlacklistRequest(String reason, Boolean phones, Boolean emails, Boolean payerAccounts, Boolean address) {}

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @PostMapping("/{id}/blacklist")
    @Operation(
            summary = "Blacklist a customer",
            description = "With a reason; optionally also their phones, e-mails, payer accounts and address, so new "
                    + "orders from any of them are held. All their orders are flagged.")
    ResponseEntity<Void> blacklist(Actor actor, @PathVariable long id, @RequestBody BlacklistRequest request) {
        blacklist.add(
                actor,
                id,
                request.reason(),
                new Blacklist.Scope(
                        Boolean.TRUE.equals(request.phones()), Boolean.TRUE.equals(request.emails()),
                        Boolean.TRUE.equals(request.payerAccounts()), Boolean.TRUE.equals(request.address())));
        return ResponseEntity.noContent().build();
    }

    record LiftRequest(String reason) {}

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @PostMapping("/{id}/blacklist/lift")
    @Operation(
            summary = "Lift a customer's blacklisting (supervisors)",
            description =
                    "Every active mark of the customer is lifted with the reason given; later orders are no longer held for it.")
    ResponseEntity<Void> lift(Actor actor, @PathVariable long id, @RequestBody LiftRequest request) {
        blacklist.lift(actor, id, request.reason());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/blacklist")
    @Operation(
            summary = "The customer's active blacklist marks",
            description =
                    "Which of the customer's phones, e-mails, payer accounts and address are blacklisted, by whom and why. Orders matching one are held at intake.")
    List<BlacklistEntry> marks(@PathVariable long id) {
        return blacklist.of(id);
    }

    @Schema(name = "CustomerRequest")
    record CustomerRequest(
            @Schema(example = "COMPANY") CustomerKind kind,
            @Schema(example = "Kari Nordmann") String name,
            @Schema(example = "Nordmann Handel AS") String company,
            @Schema(example = "NO") String country,
            @Schema(example = "nb") String language,
            @Schema(example = "kari@nordmann.no") String email,
            String phone,
            @Schema(example = "+47 22 12 34 56") String landline,
            String payerAccount,
            String payerAccountType,
            AddressPayload address,

            @Schema(
                    description = "The shop's own customer fields by key (GET /api/custom-fields, scope CUSTOMER); "
                            + "422 naming customFields.<key>",
                    example = "{\"segment\": \"wholesale\"}")
            Map<String, Object> customFields) {
        CustomerDetails toDetails() {
            return CustomerDetails.of(
                            kind,
                            name,
                            company,
                            country,
                            language,
                            email,
                            phone,
                            landline,
                            payerAccount,
                            payerAccountType,
                            address == null ? null : address.toAddress())
                    .withCustomFields(customFields == null ? Map.of() : customFields);
        }
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping
    @Operation(
            summary = "Create a customer",
            description =
                    "A company outside the shop's home country needs its name and address in Latin script and a landline.")
    ResponseEntity<Customer> create(@RequestBody CustomerRequest request) {
        Customer customer = customers.create(request.toDetails(), "", CustomerRules.FieldNames.SINGLE_FIELDS);
        return ResponseEntity.created(URI.create("/api/customers/" + customer.id()))
                .body(customer);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a customer", description = "The ETag header carries the version for If-Match.")
    ResponseEntity<Customer> get(@PathVariable long id) {
        Customer customer = customers.get(id);
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(customer);
    }

    @Schema(name = "CustomerContact")
    record ContactPayload(
            @Schema(example = "LANDLINE") ContactKind kind,
            @Schema(example = "+47 22 12 34 56") String value,
            @Schema(example = "office") String label) {}

    @Schema(name = "CustomerUpdate")
    record CustomerUpdate(
            @Schema(example = "COMPANY") CustomerKind kind,
            @Schema(example = "Kari Nordmann") String name,
            @Schema(example = "Nordmann Handel AS") String company,
            @Schema(example = "NO 912 345 678 MVA") String taxId,
            @Schema(example = "NO") String country,
            @Schema(example = "nb") String language,
            List<ContactPayload> contacts,
            List<AddressPayload> addresses,

            @Schema(description = "The people at a company one deals with")
            List<ContactPerson> persons,

            @Schema(
                    description = "Which of the addresses (from 0) new orders ship to and bill to; billing "
                            + "left out: the shipping address")
            AddressUse addressUse,

            @Schema(
                    description = "The shop's own customer fields by key; left out: kept as they are. 422 naming "
                            + "customFields.<key>",
                    example = "{\"segment\": \"wholesale\"}")
            Map<String, Object> customFields) {
        CustomerDetails toDetails() {
            return new CustomerDetails(
                    kind,
                    name,
                    company,
                    country == null ? null : country.strip().toUpperCase(Locale.ROOT),
                    language,
                    contacts == null
                            ? List.of()
                            : contacts.stream()
                                    .map(c -> new Contact(c.kind(), c.value(), c.label()))
                                    .toList(),
                    addresses == null
                            ? List.of()
                            : addresses.stream().map(AddressPayload::toAddress).toList(),
                    taxId,
                    persons,
                    addressUse,
                    customFields);
        }
    }

    @Schema(name = "CustomerMerge")
    record MergeRequest(
            @Schema(example = "42", description = "The customer to merge into this one")
            Long mergeId) {}

    @PostMapping("/{id}/merge")
    @Operation(
            summary = "Merge another customer into this one",
            description = "The other customer's orders, contacts and addresses this one lacks, and blacklist marks "
                    + "move here, and the other customer is gone; this customer's history says so. 422 naming "
                    + "mergeId for this customer itself or one that does not exist.")
    ResponseEntity<Customer> merge(Actor actor, @PathVariable long id, @RequestBody MergeRequest request) {
        Customer kept = merging.merge(actor, id, request == null ? null : request.mergeId());
        return ResponseEntity.ok().eTag(ETags.of(kept.version())).body(kept);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change a customer",
            description = "Replaces who the customer is, every contact and every address (the first address is the "
                    + "one new orders use). Send If-Match with the ETag you read; 412 when someone changed the "
                    + "customer meanwhile. Orders keep the name they were placed with.")
    ResponseEntity<Customer> update(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody CustomerUpdate request) {
        Customer customer = customers.update(actor, id, ETags.parseIfMatch(ifMatch), request.toDetails());
        return ResponseEntity.ok().eTag(ETags.of(customer.version())).body(customer);
    }

    @GetMapping
    @Operation(
            summary = "Find customers",
            description = "By name, company, e-mail, phone or payer account, and by the shop's own customer fields: "
                    + "cf.<key>=value (cf.segment=wholesale), all given must match; 422 naming customFields.<key> "
                    + "for a key that is no customer field or a value none of its choices.")
    List<Customer> search(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "50") int limit,
            @Parameter(hidden = true) @RequestParam Map<String, String> params) {
        return customers.search(q, FieldRules.filters(params), limit);
    }
}
