package dev.portalaccess.keycloak.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in the test JVM that the Keycloak server sends its mail to.
 * Point a realm at it with {@link #smtpServerConfig()}.
 */
public final class MailSink {

    private static MailSink shared;

    private final GreenMail greenMail;

    private MailSink(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public static synchronized MailSink shared() {
        if (shared == null) {
            ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
            GreenMail greenMail = new GreenMail(setup);
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
            shared = new MailSink(greenMail);
        }
        return shared;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The realm representation's {@code smtpServer} block that sends to this sink. */
    public Map<String, String> smtpServerConfig() {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(port()), "from", "portal@portalaccess.test",
                "fromDisplayName", "Portal Access");
    }

    /** Waits for the first message to {@code recipient} whose subject contains {@code subjectPart}. */
    public Mail awaitMail(String recipient, String subjectPart, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<Mail> mail = find(recipient, subjectPart);
            if (mail.isPresent()) {
                return mail.get();
            }
            KeycloakServer.sleep(250);
        }
        throw new AssertionError("No mail to " + recipient + " with subject containing '" + subjectPart + "' within "
                + timeout.toSeconds() + " s; received: " + summary());
    }

    public Mail awaitMail(String recipient, String subjectPart) {
        return awaitMail(recipient, subjectPart, Duration.ofSeconds(30));
    }

    /** Every message received so far for {@code recipient}. */
    public List<Mail> mailsTo(String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(Mail::of)
                .filter(m -> m.to().stream().anyMatch(recipient::equalsIgnoreCase))
                .toList();
    }

    private Optional<Mail> find(String recipient, String subjectPart) {
        return mailsTo(recipient).stream().filter(m -> m.subject().contains(subjectPart)).findFirst();
    }

    private String summary() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(Mail::of)
                .map(m -> m.to() + ": " + m.subject()).toList().toString();
    }

    /** One received message, its body as text (HTML and text parts together). */
    public record Mail(List<String> to, String subject, String body) {

        static Mail of(MimeMessage message) {
            try {
                List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
                return new Mail(to, message.getSubject(), GreenMailUtil.getBody(message));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The body with quoted-printable soft line breaks and escapes undone. */
        public String decodedBody() {
            String text = body.replace("=\r\n", "").replace("=\n", "");
            Matcher m = Pattern.compile("=([0-9A-F]{2})").matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The first link in the body that starts with {@code prefix}, HTML entities undone. */
        public String link(String prefix) {
            Matcher m = Pattern.compile(Pattern.quote(prefix) + "[^\"'<>\\s]*").matcher(decodedBody());
            if (!m.find()) {
                throw new AssertionError("No link starting with " + prefix + " in mail '" + subject + "': " + decodedBody());
            }
            return m.group().replace("&amp;", "&");
        }
    }
}
