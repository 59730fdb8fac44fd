package dev.portalaccess.keycloak.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error body of every endpoint of the project: a superset of Keycloak's {@code ErrorRepresentation}
 * ({@code error}, {@code errorMessage}, {@code field}), so a client written for Keycloak's errors reads it, plus
 * what a page needs to show the refusal in the user's language: {@code messageKey} (a key of the themes'
 * {@code messages_*.properties} and the console's catalogue) and its {@code params}. A document with several bad
 * fields lists each in {@code errors}; the top level repeats the first. See docs/errors.md.
 *
 * @param error        a stable camelCase code, e.g. {@code domainNotAllowed}
 * @param errorMessage an English sentence
 * @param field        the JSON path (typed API) or attribute (raw writes) that is wrong; null when none is
 * @param messageKey   the localized message, e.g. {@code portalAccessDomainNotAllowed}; null when none exists
 * @param params       the message's parameters, in order
 * @param errors       every violation when there are several; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String error, String errorMessage, String field, String messageKey, List<String> params,
                      List<Problem> errors) {

    public Problem {
        params = params == null ? List.of() : List.copyOf(params);
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** A refusal without a field. */
    public static Problem of(String error, String errorMessage) {
        return new Problem(error, errorMessage, null, null, null, null);
    }

    /** A refusal of one field, with its localized message. */
    public static Problem of(String error, String field, String messageKey, String errorMessage, String... params) {
        return new Problem(error, errorMessage, field, messageKey, List.of(params), null);
    }

    /** Several violations: the top level repeats the first, {@code errors} lists all of them. */
    public static Problem all(List<Problem> violations) {
        if (violations == null || violations.isEmpty()) {
            throw new IllegalArgumentException("no violation");
        }
        Problem first = violations.get(0);
        return new Problem(first.error(), first.errorMessage(), first.field(), first.messageKey(), first.params(),
                violations.size() > 1 ? violations : null);
    }

    /**
     * The contract's JSON shape as a mutable map (absent {@code field}, {@code messageKey} and {@code errors}
     * omitted, as in the JSON), for answers that add fields of their own (an organization id, a bad entry).
     */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (field != null) {
            body.put("field", field);
        }
        body.put("error", error);
        body.put("errorMessage", errorMessage);
        if (messageKey != null) {
            body.put("messageKey", messageKey);
        }
        body.put("params", params);
        if (errors != null) {
            body.put("errors", errors);
        }
        return body;
    }

    public Problem withField(String newField) {
        return new Problem(error, errorMessage, newField, messageKey, params, errors);
    }

    public Problem withMessageKey(String key, String... newParams) {
        return new Problem(error, errorMessage, field, key, List.of(newParams), errors);
    }
}
