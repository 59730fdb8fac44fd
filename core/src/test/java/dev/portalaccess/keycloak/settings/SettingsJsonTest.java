package dev.portalaccess.keycloak.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.portalaccess.keycloak.email.EmailRule;
import dev.portalaccess.keycloak.problem.Problem;

/** The email-rule type and the JSON form of settings in the typed API. */
class SettingsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Setting<Boolean> ON = Setting.single("demo", "on", "demo.on",
            SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.FLAG, false, "On", "");
    private static final Setting<EmailRule> RULES = Setting.multiple("demo", "rules", "demo.rules",
            SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.EMAIL_RULE, "Rules", "");

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void emailRulesAreStoredInTheEnginesNormalForm() throws Exception {
        assertEquals(List.of("acme.com", "*.acme.io", "a@b.example", "xn--bcher-kva.example"),
                RULES.canonical(List.of(" ACME.com. ", "*.Acme.io", "A@B.example", "bücher.example"), "rules"));
        SettingViolation v = assertThrows(SettingViolation.class, () -> RULES.canonical(List.of("ok.com", "x y"), "rules"));
        assertEquals("rules[1]", v.problem().field());
        assertEquals(SettingTypes.INVALID_EMAIL_RULE, v.problem().error());
        assertEquals(SettingTypes.INVALID_EMAIL_RULE, assertThrows(SettingViolation.class,
                () -> RULES.canonical(List.of(""), "rules")).problem().error());
    }

    @Test
    void jsonValuesAreCheckedByTheSettingsParsers() throws Exception {
        assertTrue(SettingsJson.check(ON, json("true"), "on").isEmpty());
        assertTrue(SettingsJson.check(ON, json("' False '"), "on").isEmpty());
        assertTrue(SettingsJson.check(ON, null, "on").isEmpty(), "not submitted");
        assertEquals("on", SettingsJson.check(ON, json("'yes'"), "on").get(0).field());
        assertEquals("on", SettingsJson.check(ON, json("[true]"), "on").get(0).field());
        List<Problem> rules = SettingsJson.check(RULES, json("['ok.com','x y','*z.com']"), "rules");
        assertEquals(List.of("rules[1]", "rules[2]"), rules.stream().map(Problem::field).toList());
        assertEquals("rules", SettingsJson.check(RULES, json("'ok.com'"), "rules").get(0).field());
    }

    @Test
    void canonicalValuesOfADocument() throws Exception {
        JsonNode doc = json("{'on':' TRUE ','rules':['ACME.com'],'gone':null}");
        assertEquals(Optional.of(List.of("true")), SettingsJson.canonical(ON, doc, "on"));
        assertEquals(Optional.of(List.of("acme.com")), SettingsJson.canonical(RULES, doc, "rules"));
        assertEquals(Optional.empty(), SettingsJson.canonical(ON, doc, "absent"), "left out: unchanged");
        assertEquals(Optional.of(List.of()), SettingsJson.canonical(ON, doc, "gone"), "null: removed");
        assertEquals(true, SettingsJson.value(ON, List.of("true")));
        assertEquals(List.of("acme.com"), SettingsJson.value(RULES, List.of("acme.com", "not a rule")));
    }

    @Test
    void unknownPropertiesAreNamed() throws Exception {
        List<Problem> p = SettingsJson.unknownProperties(json("{'on':true,'colour':1}"), Set.of("on"), "section");
        assertEquals(1, p.size());
        assertEquals("section.colour", p.get(0).field());
        assertEquals(SettingsJson.UNKNOWN_PROPERTY, p.get(0).error());
        assertEquals(1, SettingsJson.unknownProperties(json("[]"), Set.of(), "").size());
    }
}
