package dev.kontor.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How marketplace files are imported ({@code kontor.imports.*}).
 *
 * @param refuseUnknownItems whether a line whose item code the catalog lacks refuses its order; by default it is
 *     imported as a non-catalog line and flagged
 * @param maxUploadSize the largest file accepted (the API's and the form's cap)
 */
@ConfigurationProperties("kontor.imports")
public record ImportSettings(
        @DefaultValue("false") boolean refuseUnknownItems,
        @DefaultValue("100MB") DataSize maxUploadSize) {}
