package dev.portalaccess.keycloak.denylist;

import dev.portalaccess.keycloak.email.EmailRule;

/** A parsed entry about to be stored, with its optional note. */
public record NewEntry(EmailRule rule, String note) {
}
