package dev.portalaccess.keycloak.settings;

/**
 * A value a {@link SettingType} cannot read. Carries the error code, English reason and message key that the
 * {@link Setting} turns into a {@link dev.portalaccess.keycloak.problem.Problem} naming its field.
 */
public final class InvalidSettingValue extends Exception {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String messageKey;

    public InvalidSettingValue(String error, String messageKey, String reason) {
        super(reason, null, false, false);
        this.error = error;
        this.messageKey = messageKey;
    }

    /** The generic refusal: not a value of this type. */
    public static InvalidSettingValue invalid(String reason) {
        return new InvalidSettingValue(SettingTypes.INVALID_VALUE, SettingTypes.INVALID_VALUE_KEY, reason);
    }

    public String error() {
        return error;
    }

    public String messageKey() {
        return messageKey;
    }

    public String reason() {
        return getMessage();
    }
}
