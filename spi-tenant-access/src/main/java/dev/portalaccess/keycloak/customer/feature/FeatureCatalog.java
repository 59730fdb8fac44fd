package dev.portalaccess.keycloak.customer.feature;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A realm's feature set: names, labels, which are on for new customers, and which require which.
 * Configuration, not code: it is the JSON array in the realm attribute {@link CustomerFeatureSettings#CATALOG}, e.g.
 * {@code [{"name":"deployments","label":"Deployments","default":true},{"name":"alerts","requires":["deployments"]}]}.
 *
 * <p>Immutable; every operation returns a new set in catalog order.
 */
public final class FeatureCatalog {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Set<String> KEYS = Set.of("name", "label", "default", "requires");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One feature of the catalog. */
    public record Feature(String name, String label, boolean enabledByDefault, List<String> requires) {
    }

    private final Map<String, Feature> features;

    private FeatureCatalog(Map<String, Feature> features) {
        this.features = Collections.unmodifiableMap(features);
    }

    public static FeatureCatalog empty() {
        return new FeatureCatalog(new LinkedHashMap<>());
    }

    /** Parses and validates; {@code null} or blank is the empty catalog. */
    public static FeatureCatalog parse(String json) {
        if (json == null || json.isBlank()) {
            return empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidFeatureCatalogException("notJson", "The feature catalog is not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new InvalidFeatureCatalogException("notArray", "The feature catalog must be a JSON array of features");
        }
        Map<String, Feature> features = new LinkedHashMap<>();
        Map<String, JsonNode> requires = new LinkedHashMap<>();
        for (JsonNode node : root) {
            if (!node.isObject()) {
                throw new InvalidFeatureCatalogException("notObject", "Each feature must be a JSON object");
            }
            for (var names = node.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                if (!KEYS.contains(key)) {
                    throw new InvalidFeatureCatalogException("unknownProperty",
                            "Unknown feature property '" + key + "' (allowed: name, label, default, requires)");
                }
            }
            String name = node.path("name").isTextual() ? node.get("name").asText() : null;
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidFeatureCatalogException("invalidName",
                        "Feature name '" + name + "' must be lower-case letters, digits, '-' or '_', starting with a letter");
            }
            if (features.containsKey(name)) {
                throw new InvalidFeatureCatalogException("duplicateName", "Feature '" + name + "' is defined twice");
            }
            JsonNode label = node.path("label");
            if (!label.isMissingNode() && !label.isTextual()) {
                throw new InvalidFeatureCatalogException("invalidLabel", "Label of feature '" + name + "' must be a string");
            }
            JsonNode byDefault = node.path("default");
            if (!byDefault.isMissingNode() && !byDefault.isBoolean()) {
                throw new InvalidFeatureCatalogException("invalidDefault", "'default' of feature '" + name + "' must be true or false");
            }
            features.put(name, new Feature(name, label.isTextual() ? label.asText() : name, byDefault.asBoolean(false), List.of()));
            requires.put(name, node.path("requires"));
        }
        for (Map.Entry<String, JsonNode> entry : requires.entrySet()) {
            JsonNode list = entry.getValue();
            if (list.isMissingNode() || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                throw new InvalidFeatureCatalogException("invalidRequires", "'requires' of feature '" + entry.getKey() + "' must be an array of names");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode required : list) {
                if (!required.isTextual() || !features.containsKey(required.asText())) {
                    throw new InvalidFeatureCatalogException("unknownRequirement",
                            "Feature '" + entry.getKey() + "' requires unknown feature '" + required.asText() + "'");
                }
                if (required.asText().equals(entry.getKey())) {
                    throw new InvalidFeatureCatalogException("cyclicRequirement", "Feature '" + entry.getKey() + "' requires itself");
                }
                names.add(required.asText());
            }
            Feature feature = features.get(entry.getKey());
            features.put(entry.getKey(), new Feature(feature.name(), feature.label(), feature.enabledByDefault(), List.copyOf(names)));
        }
        FeatureCatalog catalog = new FeatureCatalog(features);
        catalog.rejectCycles();
        return catalog;
    }

    /**
     * Every violation of a catalogue submitted as JSON (the typed API), each naming its JSON path below
     * {@code field} (e.g. {@code catalog[2].requires[0]}); empty when {@link #parse} accepts it.
     */
    public static List<dev.portalaccess.keycloak.problem.Problem> violations(JsonNode root, String field) {
        List<dev.portalaccess.keycloak.problem.Problem> out = new ArrayList<>();
        if (root == null || !root.isArray()) {
            out.add(problem("notArray", field, "The feature catalog must be a JSON array of features"));
            return out;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode node : root) {
            if (node.path("name").isTextual()) {
                names.add(node.get("name").asText());
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            String at = field + "[" + i + "]";
            if (!node.isObject()) {
                out.add(problem("notObject", at, "Each feature must be a JSON object"));
                continue;
            }
            for (var keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!KEYS.contains(key)) {
                    out.add(problem("unknownProperty", at + "." + key, "Unknown feature property '" + key
                            + "' (allowed: name, label, default, requires)"));
                }
            }
            String name = node.path("name").isTextual() ? node.get("name").asText() : null;
            if (name == null || !NAME.matcher(name).matches()) {
                out.add(problem("invalidName", at + ".name", "Feature name '" + name
                        + "' must be lower-case letters, digits, '-' or '_', starting with a letter"));
            } else if (!seen.add(name)) {
                out.add(problem("duplicateName", at + ".name", "Feature '" + name + "' is defined twice"));
            }
            JsonNode label = node.path("label");
            if (!label.isMissingNode() && !label.isTextual()) {
                out.add(problem("invalidLabel", at + ".label", "Label of feature '" + name + "' must be a string"));
            }
            JsonNode byDefault = node.path("default");
            if (!byDefault.isMissingNode() && !byDefault.isBoolean()) {
                out.add(problem("invalidDefault", at + ".default", "'default' of feature '" + name + "' must be true or false"));
            }
            JsonNode requires = node.path("requires");
            if (requires.isMissingNode() || requires.isNull()) {
                continue;
            }
            if (!requires.isArray()) {
                out.add(problem("invalidRequires", at + ".requires", "'requires' of feature '" + name + "' must be an array of names"));
                continue;
            }
            for (int j = 0; j < requires.size(); j++) {
                JsonNode required = requires.get(j);
                if (!required.isTextual() || !names.contains(required.asText())) {
                    out.add(problem("unknownRequirement", at + ".requires[" + j + "]", "Feature '" + name
                            + "' requires unknown feature '" + required.asText() + "'"));
                } else if (required.asText().equals(name)) {
                    out.add(problem("cyclicRequirement", at + ".requires[" + j + "]", "Feature '" + name + "' requires itself"));
                }
            }
        }
        if (out.isEmpty()) {
            try {
                parse(root.toString());
            } catch (InvalidFeatureCatalogException e) {
                out.add(problem(e.error(), field, e.getMessage()));
            }
        }
        return out;
    }

    private static dev.portalaccess.keycloak.problem.Problem problem(String error, String field, String message) {
        return dev.portalaccess.keycloak.problem.Problem.of(error, field,
                "portalAccessFeatureCatalog" + Character.toUpperCase(error.charAt(0)) + error.substring(1), message);
    }

    public Collection<Feature> features() {
        return features.values();
    }

    public boolean isEmpty() {
        return features.isEmpty();
    }

    public boolean contains(String name) {
        return features.containsKey(name);
    }

    /** The first of {@code names} the catalog does not define. */
    public Optional<String> firstUnknown(Collection<String> names) {
        return names.stream().filter(name -> !features.containsKey(name)).findFirst();
    }

    /** What new customers get: the defaults and what they require. */
    public Set<String> defaults() {
        return withRequirements(features.values().stream().filter(Feature::enabledByDefault).map(Feature::name).collect(Collectors.toSet()));
    }

    /** {@code names} (known ones only) plus everything they require, transitively. */
    public Set<String> withRequirements(Collection<String> names) {
        Set<String> result = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(names);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Feature feature = features.get(name);
            if (feature != null && result.add(name)) {
                todo.addAll(feature.requires());
            }
        }
        return ordered(result);
    }

    /** {@code names} minus everything that requires one of {@code removed}, transitively. */
    public Set<String> withoutDependents(Collection<String> names, Collection<String> removed) {
        Set<String> gone = new HashSet<>(removed);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Feature feature : features.values()) {
                if (!gone.contains(feature.name()) && feature.requires().stream().anyMatch(gone::contains)) {
                    gone.add(feature.name());
                    changed = true;
                }
            }
        }
        return ordered(names.stream().filter(name -> !gone.contains(name)).collect(Collectors.toSet()));
    }

    public Set<String> enable(Collection<String> current, String name) {
        List<String> wanted = new ArrayList<>(current);
        wanted.add(name);
        return withRequirements(wanted);
    }

    public Set<String> disable(Collection<String> current, String name) {
        return withoutDependents(current, List.of(name));
    }

    /** Sets the whole list: what is listed is on, with what it requires; everything else is off. */
    public Set<String> change(Collection<String> wanted) {
        return withRequirements(wanted);
    }

    /** Known names only, in catalog order. */
    public Set<String> ordered(Collection<String> names) {
        Set<String> result = new LinkedHashSet<>();
        for (String name : features.keySet()) {
            if (names.contains(name)) {
                result.add(name);
            }
        }
        return result;
    }

    /** The catalog as JSON, as stored in the realm attribute. */
    public String toJson() {
        ArrayNode array = JSON.createArrayNode();
        for (Feature feature : features.values()) {
            ObjectNode node = array.addObject();
            node.put("name", feature.name());
            node.put("label", feature.label());
            node.put("default", feature.enabledByDefault());
            ArrayNode requires = node.putArray("requires");
            feature.requires().forEach(requires::add);
        }
        return array.toString();
    }

    private void rejectCycles() {
        Map<String, Integer> state = new HashMap<>();
        for (String name : features.keySet()) {
            visit(name, state, new ArrayDeque<>());
        }
    }

    private void visit(String name, Map<String, Integer> state, Deque<String> path) {
        Integer seen = state.get(name);
        if (seen != null && seen == 2) {
            return;
        }
        path.push(name);
        if (seen != null && seen == 1) {
            throw new InvalidFeatureCatalogException("cyclicRequirement", "Features require each other in a cycle: "
                    + String.join(" <- ", path));
        }
        state.put(name, 1);
        for (String required : features.get(name).requires()) {
            visit(required, state, path);
        }
        state.put(name, 2);
        path.pop();
    }

    /** A catalog that fails validation: {@link #error()} is a stable code, the message names the feature. */
    public static final class InvalidFeatureCatalogException extends IllegalArgumentException {
        private final String error;

        InvalidFeatureCatalogException(String error, String message) {
            super(message);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }
}
