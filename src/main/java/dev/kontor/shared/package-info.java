/**
 * The small vocabulary every module shares: {@link dev.kontor.shared.Money}, country and currency codes,
 * and the refusals a command can end in ({@link dev.kontor.shared.NotFoundException},
 * {@link dev.kontor.shared.ActionRefusedException}, {@link dev.kontor.shared.InvalidInputException},
 * {@link dev.kontor.shared.StaleVersionException}), which the web layer turns into messages and
 * problem+json. Plain Java, no Spring.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package dev.kontor.shared;

import org.springframework.modulith.ApplicationModule;
