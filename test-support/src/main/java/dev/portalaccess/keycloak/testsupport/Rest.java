package dev.portalaccess.keycloak.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A small HTTP/JSON client for Keycloak's real REST interfaces: the admin REST API (as the master
 * realm's bootstrap admin, or any bearer token) and the OpenID Connect endpoints.
 *
 * <p>It returns every answer, errors included, so tests can assert status codes and JSON error bodies.
 */
public final class Rest {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String baseUrl;
    private final Supplier<String> bearer;
    private final Duration timeout;

    private Rest(String baseUrl, Supplier<String> bearer) {
        this(baseUrl, bearer, Duration.ofSeconds(120));
    }

    private Rest(String baseUrl, Supplier<String> bearer, Duration timeout) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
        this.timeout = timeout;
    }

    /** The same client with another request timeout (default 120 s), e.g. for a large import. */
    public Rest withTimeout(Duration requestTimeout) {
        return new Rest(baseUrl, bearer, requestTimeout);
    }

    /** Anonymous client (no Authorization header). */
    public static Rest anonymous(KeycloakServer server) {
        return new Rest(server.baseUrl(), () -> null);
    }

    /** The master realm's bootstrap admin; the token is renewed before it expires. */
    public static Rest admin(KeycloakServer server) {
        Rest anonymous = anonymous(server);
        return new Rest(server.baseUrl(), new Supplier<>() {
            private String token;
            private Instant renewAt = Instant.MIN;

            @Override
            public synchronized String get() {
                if (Instant.now().isAfter(renewAt)) {
                    JsonNode grant = anonymous.passwordGrant("master", "admin-cli", null,
                            KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD).expect(200).json();
                    token = grant.get("access_token").asText();
                    renewAt = Instant.now().plusSeconds(Math.max(5, grant.get("expires_in").asLong() - 20));
                }
                return token;
            }
        });
    }

    /** The same server, with this bearer token. */
    public Rest withToken(String accessToken) {
        return new Rest(baseUrl, () -> accessToken, timeout);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(jsonBody(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(jsonBody(body)));
    }

    /** POST with a body of any content type (plain text, CSV, ...). */
    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response postForm(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
    }

    /** Resource-owner password grant (the client must allow direct access grants). */
    public Response passwordGrant(String realm, String clientId, String clientSecret, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return postForm("/realms/" + realm + "/protocol/openid-connect/token", form);
    }

    public Response clientCredentialsGrant(String realm, String clientId, String clientSecret) {
        return postForm("/realms/" + realm + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
    }

    public Response refreshGrant(String realm, String clientId, String clientSecret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("refresh_token", refreshToken);
        return postForm("/realms/" + realm + "/protocol/openid-connect/token", form);
    }

    /** Decodes the payload of a JWT (no signature check: the server under test issued it). */
    public static JsonNode jwtPayload(String jwt) {
        String[] parts = jwt.split("\\.");
        byte[] payload = java.util.Base64.getUrlDecoder().decode(parts[1]);
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json");
        String token = bearer.get();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(request.method() + " " + request.uri(), response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. */
    public record Response(String request, int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(request + " answered " + status + " with a body that is not JSON: " + body, e);
            }
        }

        /** Fails with the request, status and body unless the status is one of {@code expected}. */
        public Response expect(int... expected) {
            for (int code : expected) {
                if (status == code) {
                    return this;
                }
            }
            throw new AssertionError(request + " answered " + status + ", expected " + java.util.Arrays.toString(expected)
                    + ". Body: " + body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The id at the end of the Location header of a 201 answer. */
        public String createdId() {
            String location = header("Location");
            if (location == null) {
                throw new AssertionError(request + " answered " + status + " without a Location header. Body: " + body);
            }
            return location.substring(location.lastIndexOf('/') + 1);
        }

        public List<JsonNode> list() {
            JsonNode node = json();
            List<JsonNode> out = new java.util.ArrayList<>();
            node.forEach(out::add);
            return out;
        }
    }
}
