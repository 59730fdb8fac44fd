package dev.portalaccess.keycloak.invitation;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * Why {@link InvitationService} sent no invitation. Callers answer it in their own contract (the customer API, the
 * self-service API and the partner API keep their error codes); {@link #problem()} is the project's default form.
 */
public final class InvitationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reasons, with the HTTP status and the error code of the project's contract. */
    public enum Reason {
        ORGANIZATION_DISABLED(400, "organizationDisabled", null),
        INVALID_EMAIL(400, "invalidEmail", "email"),
        ALREADY_MEMBER(409, "alreadyMember", "email"),
        ALREADY_INVITED(409, "alreadyInvited", "email"),
        EMAIL_NOT_SENT(500, "emailNotSent", "email");

        private final int status;
        private final String error;
        private final String field;

        Reason(int status, String error, String field) {
            this.status = status;
            this.error = error;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }

        public String field() {
            return field;
        }

        /** {@code portalAccessInvitation} + the error code with a capital first letter. */
        public String messageKey() {
            return "portalAccessInvitation" + Character.toUpperCase(error.charAt(0)) + error.substring(1);
        }
    }

    private final Reason reason;
    private final String email;
    private final String pendingInvitationId;

    InvitationRefusedException(Reason reason, String message, String email, String pendingInvitationId) {
        super(message);
        this.reason = reason;
        this.email = email;
        this.pendingInvitationId = pendingInvitationId;
    }

    public Reason reason() {
        return reason;
    }

    /** The address as normalised (or as given, when it could not be parsed); null for a disabled organization. */
    public String email() {
        return email;
    }

    /** For {@link Reason#ALREADY_INVITED}: the pending invitation's id; else null. */
    public String pendingInvitationId() {
        return pendingInvitationId;
    }

    public int status() {
        return reason.status();
    }

    /** The refusal in the project's error contract. */
    public Problem problem() {
        return email == null
                ? Problem.of(reason.error(), reason.field(), reason.messageKey(), getMessage())
                : Problem.of(reason.error(), reason.field(), reason.messageKey(), getMessage(), email);
    }
}
