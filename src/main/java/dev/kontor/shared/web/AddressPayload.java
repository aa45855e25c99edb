package dev.kontor.shared.web;

import dev.kontor.shared.Address;
import io.swagger.v3.oas.annotations.media.Schema;

/** A postal address in API requests and responses. */
@Schema(name = "Address")
public record AddressPayload(
        @Schema(example = "张伟") String name,
        @Schema(example = "Hangzhou Xihu Trading Co.") String company,
        @Schema(example = "文一西路 969 号") String street,
        String street2,
        @Schema(example = "310000") String postalCode,
        @Schema(example = "杭州") String city,
        @Schema(example = "浙江") String region,

        @Schema(example = "CN", description = "ISO 3166-1 alpha-2")
        String country,

        @Schema(example = "+86 138 0013 8000") String phone) {

    public Address toAddress() {
        return new Address(name, company, street, street2, postalCode, city, region, country, phone);
    }

    public static AddressPayload of(Address a) {
        return a == null
                ? null
                : new AddressPayload(
                        a.name(),
                        a.company(),
                        a.street(),
                        a.street2(),
                        a.postalCode(),
                        a.city(),
                        a.region(),
                        a.country(),
                        a.phone());
    }
}
