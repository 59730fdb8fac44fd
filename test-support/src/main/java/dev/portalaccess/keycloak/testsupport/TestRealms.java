package dev.portalaccess.keycloak.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Throwaway realms and users for tests, made through the real admin REST API. */
public final class TestRealms {

    private TestRealms() {
    }

    /** A realm name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates a realm from {@code representation} (a realm JSON as a map); sends its mail to the
     * shared {@link MailSink} unless the representation says otherwise. Returns the realm name.
     */
    public static String create(Rest admin, Map<String, Object> representation) {
        Map<String, Object> rep = new HashMap<>(representation);
        rep.putIfAbsent("enabled", true);
        rep.putIfAbsent("smtpServer", MailSink.shared().smtpServerConfig());
        admin.post("/admin/realms", rep).expect(201);
        return (String) rep.get("realm");
    }

    /** Points an existing (e.g. imported) realm's mail at the shared {@link MailSink}. */
    public static void sendMailToSink(Rest admin, String realm) {
        admin.put("/admin/realms/" + realm, Map.of("smtpServer", MailSink.shared().smtpServerConfig())).expect(204);
    }

    /** Creates an enabled user with a password and a verified email; returns the user id. */
    public static String createUser(Rest admin, String realm, String username, String email, String password) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", "Test");
        user.put("lastName", username);
        if (email != null) {
            user.put("email", email);
            user.put("emailVerified", true);
        }
        if (password != null) {
            user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        }
        return admin.post("/admin/realms/" + realm + "/users", user).expect(201).createdId();
    }
}
