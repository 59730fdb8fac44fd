package dev.portalaccess.keycloak.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.portalaccess.keycloak.problem.Problem;

/** The validation of the domainRestriction and jit sections: every bad field, named by its path in the section. */
class CustomerSectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aValidDomainRestrictionSectionHasNoViolation() throws Exception {
        assertTrue(new DomainRestrictionSectionFactory().validate(null, null,
                json("{'enabled':true,'entries':['Acme.com','*.acme.io','a@b.example']}")).isEmpty());
        assertTrue(new DomainRestrictionSectionFactory().validate(null, null, json("{'enabled':' TRUE '}")).isEmpty());
        assertTrue(new DomainRestrictionSectionFactory().validate(null, null, json("{}")).isEmpty());
    }

    @Test
    void everyBadFieldIsReportedByItsPath() throws Exception {
        List<Problem> problems = new DomainRestrictionSectionFactory().validate(null, null,
                json("{'enabled':'yes','entries':['acme.com','not a domain','*x.com'],'colour':'blue'}"));
        List<String> fields = problems.stream().map(Problem::field).toList();
        assertEquals(List.of("colour", "enabled", "entries[1]", "entries[2]"), fields, problems.toString());
        assertEquals("invalidDomainRule", problems.get(2).error());
        assertEquals("not a domain", problems.get(2).params().get(0));
        assertEquals("unknownSetting", problems.get(0).error());
    }

    @Test
    void shapesAreChecked() throws Exception {
        assertEquals("entries", new DomainRestrictionSectionFactory().validate(null, null,
                json("{'entries':'acme.com'}")).get(0).field());
        assertEquals("enabled", new DomainRestrictionSectionFactory().validate(null, null,
                json("{'enabled':[true]}")).get(0).field());
        assertEquals(1, new DomainRestrictionSectionFactory().validate(null, null, json("[]")).size());
    }

    @Test
    void theJitSectionTakesRefuseOrJoin() throws Exception {
        assertTrue(new JitSectionFactory().validate(null, null, json("{'withoutInvitation':'Join'}")).isEmpty());
        Problem p = new JitSectionFactory().validate(null, null, json("{'withoutInvitation':'maybe'}")).get(0);
        assertEquals("withoutInvitation", p.field());
        assertEquals("invalidValue", p.error());
    }
}
