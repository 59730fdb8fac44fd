package dev.portalaccess.keycloak.customer.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Turns what a customer's Administrator gave (a metadata URL, uploaded metadata XML, or entity id + SSO URL +
 * signing certificate) into the configuration of a Keycloak SAML identity provider, or a {@link Refused} naming the
 * field and the reason. Metadata is parsed by Keycloak's own SAML provider factory ({@code parseConfig}, as its
 * "import config" does), so the provider is configured exactly as the admin console would configure it.
 */
final class SamlSource {

    static final String METADATA_URL = "metadataUrl";
    static final String METADATA_XML = "metadataXml";
    static final String MANUAL = "manual";

    static final int TIMEOUT_MILLIS = 5000;
    static final int MAX_METADATA_BYTES = 512 * 1024;

    static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    /** A refused value: the field, the error code, an English reason (the page localizes the code). */
    static final class Refused extends Exception {
        final String field;
        final String error;

        Refused(String field, String error, String reason) {
            super(reason, null, false, false);
            this.field = field;
            this.error = error;
        }
    }

    private final KeycloakSession session;
    private final Set<String> allowedPrivateHosts;

    SamlSource(KeycloakSession session, Set<String> allowedPrivateHosts) {
        this.session = session;
        this.allowedPrivateHosts = allowedPrivateHosts;
    }

    /** The provider configuration for {@code request} (keys of Keycloak's SAMLIdentityProviderConfig). */
    Map<String, String> configFor(Map<String, Object> request) throws Refused {
        String source = text(request, "source");
        if (source == null || source.isEmpty()) {
            throw new Refused("source", "required", "Choose how to configure the identity provider: metadataUrl, metadataXml or manual");
        }
        return switch (source) {
            case METADATA_URL -> {
                String url = required(request, METADATA_URL);
                Map<String, String> config = fromMetadata(fetch(url), METADATA_URL);
                config.put("metadataDescriptorUrl", url);
                yield config;
            }
            case METADATA_XML -> fromMetadata(required(request, METADATA_XML), METADATA_XML);
            case MANUAL -> manual(request);
            default -> throw new Refused("source", "invalidSource", "Unknown source '" + source + "': metadataUrl, metadataXml or manual");
        };
    }

    private Map<String, String> manual(Map<String, Object> request) throws Refused {
        String entityId = required(request, "entityId");
        String ssoUrl = required(request, "ssoUrl");
        webUrl(ssoUrl, "ssoUrl");
        String binding = text(request, "binding");
        boolean post;
        if (binding == null || binding.isEmpty() || binding.equalsIgnoreCase("POST") || binding.equals(POST_BINDING)) {
            post = true;
        } else if (binding.equalsIgnoreCase("REDIRECT") || binding.equals(REDIRECT_BINDING)) {
            post = false;
        } else {
            throw new Refused("binding", "invalidBinding", "Binding '" + binding + "' is not supported: HTTP-POST or HTTP-Redirect");
        }
        String certificate = certificate(required(request, "signingCertificate"));
        Map<String, String> config = new HashMap<>();
        config.put("idpEntityId", entityId);
        config.put("singleSignOnServiceUrl", ssoUrl);
        config.put("postBindingAuthnRequest", String.valueOf(post));
        config.put("postBindingResponse", String.valueOf(post));
        config.put("signingCertificate", certificate);
        config.put("validateSignature", "true");
        config.put("wantAuthnRequestsSigned", "false");
        return config;
    }

    /** Keycloak's own metadata parsing; refuses what is not IdP metadata or has no usable SSO binding. */
    Map<String, String> fromMetadata(String xml, String field) throws Refused {
        IdentityProviderFactory<?> factory = (IdentityProviderFactory<?>) session.getKeycloakSessionFactory()
                .getProviderFactory(IdentityProvider.class, "saml");
        Map<String, String> parsed;
        try {
            parsed = factory.parseConfig(session, xml);
        } catch (RuntimeException e) {
            throw new Refused(field, "notMetadata", "This is not SAML metadata: " + rootMessage(e));
        }
        if (parsed == null || parsed.isEmpty()) {
            throw new Refused(field, "notMetadata", "The metadata describes no SAML identity provider (no IDPSSODescriptor)");
        }
        if (parsed.get("singleSignOnServiceUrl") == null) {
            throw new Refused(field, "noSsoBinding", "The metadata offers no single sign-on service with the HTTP-POST or HTTP-Redirect binding");
        }
        String signing = parsed.get("signingCertificate");
        if (signing != null) {
            for (String one : signing.split(",")) {
                try {
                    parse(one);
                } catch (Refused bad) {
                    throw new Refused(field, "badCertificate", "The metadata's signing certificate is not valid: " + bad.getMessage());
                }
            }
        }
        return new HashMap<>(parsed);
    }

    /** GET through Keycloak's HTTP client: no redirects, a timeout, a size limit, and no private addresses. */
    String fetch(String url) throws Refused {
        URI uri = webUrl(url, METADATA_URL);
        checkAddress(uri);
        HttpGet get = new HttpGet(uri);
        get.setConfig(RequestConfig.custom().setConnectTimeout(TIMEOUT_MILLIS).setSocketTimeout(TIMEOUT_MILLIS)
                .setConnectionRequestTimeout(TIMEOUT_MILLIS).setRedirectsEnabled(false).build());
        try (CloseableHttpResponse response = session.getProvider(HttpClientProvider.class).getHttpClient().execute(get)) {
            int status = response.getStatusLine().getStatusCode();
            HttpEntity entity = response.getEntity();
            if (status != 200 || entity == null) {
                throw new Refused(METADATA_URL, "metadataUnreachable", "The metadata URL answered HTTP " + status);
            }
            try (InputStream in = entity.getContent()) {
                byte[] body = in.readNBytes(MAX_METADATA_BYTES + 1);
                if (body.length > MAX_METADATA_BYTES) {
                    throw new Refused(METADATA_URL, "metadataTooLarge", "The metadata is larger than " + MAX_METADATA_BYTES / 1024 + " KiB");
                }
                return new String(body, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new Refused(METADATA_URL, "metadataUnreachable", "The metadata URL could not be read: " + rootMessage(e));
        }
    }

    /**
     * SSRF guard: the server would otherwise fetch from inside the vendor's network for any customer. Loopback,
     * private, link-local, carrier-grade NAT, unique-local and wildcard addresses are refused unless the host is
     * one the operator allowed ({@code saml-metadata-allowed-hosts}).
     */
    private void checkAddress(URI uri) throws Refused {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedPrivateHosts.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused(METADATA_URL, "metadataUnreachable", "Host " + host + " is unknown");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new Refused(METADATA_URL, "privateAddress",
                        "Host " + host + " is an internal address (" + address.getHostAddress() + "): the metadata must be publicly reachable");
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (raw.length == 4) {
            int first = raw[0] & 0xff;
            int second = raw[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128); // "this network", CGNAT
        }
        return (raw[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }

    private static URI webUrl(String value, String field) throws Refused {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new Refused(field, "invalidUrl", "Not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused(field, "invalidUrl", "Use an absolute http(s) URL without user name or password");
        }
        return uri;
    }

    /** The certificate as Keycloak stores it (base64 DER, no PEM armour), or refused. */
    static String certificate(String value) throws Refused {
        return Base64.getEncoder().encodeToString(encoded(parse(value)));
    }

    static X509Certificate parse(String value) throws Refused {
        String base64 = value.replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "")
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Refused("signingCertificate", "badCertificate", "The certificate is not PEM or base64: " + e.getMessage());
        }
        try {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            certificate.checkValidity();
            return certificate;
        } catch (java.security.cert.CertificateExpiredException e) {
            throw new Refused("signingCertificate", "badCertificate", "The certificate has expired");
        } catch (java.security.cert.CertificateNotYetValidException e) {
            throw new Refused("signingCertificate", "badCertificate", "The certificate is not valid yet");
        } catch (CertificateException | ClassCastException e) {
            throw new Refused("signingCertificate", "badCertificate", "Not an X.509 certificate: " + rootMessage(e));
        }
    }

    private static byte[] encoded(X509Certificate certificate) throws Refused {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new Refused("signingCertificate", "badCertificate", "Not an X.509 certificate: " + rootMessage(e));
        }
    }

    private static String required(Map<String, Object> request, String field) throws Refused {
        String value = text(request, field);
        if (value == null || value.isEmpty()) {
            throw new Refused(field, "required", field + " is required");
        }
        // invisible characters (zero-width spaces, bidi marks, control characters) make look-alike values
        if (!field.equals(METADATA_XML) && !field.equals("signingCertificate")
                && value.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT || Character.isISOControl(c))) {
            throw new Refused(field, "invalidCharacters", field + " contains invisible or control characters");
        }
        return value;
    }

    static String text(Map<String, Object> request, String key) {
        Object value = request.get(key);
        return value == null ? null : String.valueOf(value).strip();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
