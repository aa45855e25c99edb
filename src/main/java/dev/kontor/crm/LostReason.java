package dev.kontor.crm;

import dev.kontor.shared.Names;

/** Why a deal was lost, from the list the admin keeps; one taken off the list stays on the orders it was given. */
public record LostReason(long id, Names names, int position, boolean active) {}
