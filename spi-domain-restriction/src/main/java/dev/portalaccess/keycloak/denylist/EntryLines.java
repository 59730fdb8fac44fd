package dev.portalaccess.keycloak.denylist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.portalaccess.keycloak.email.EmailRule;
import dev.portalaccess.keycloak.email.InvalidEmailException;

/**
 * Parses a bulk import: one entry per line, {@code #} starts a comment line, blank lines are skipped.
 * A line is CSV: the entry, then an optional note ({@code "..."} quoting with {@code ""} for a quote),
 * so the export ({@link #format}) imports back unchanged. Every bad line is reported, by number.
 */
final class EntryLines {

    static final int MAX_NOTE = 1024;

    private EntryLines() {
    }

    /** The parsed entries, or the bad lines when there is at least one. */
    record Parsed(List<NewEntry> entries, List<Map<String, Object>> errors) {
    }

    static Parsed parse(String body) {
        List<NewEntry> entries = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        String[] lines = body == null ? new String[0] : body.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            List<String> fields = csvFields(line);
            if (fields == null) {
                errors.add(error(number, line, "malformedCsv", "Unbalanced quotes"));
                continue;
            }
            if (fields.size() > 2) {
                errors.add(error(number, line, "tooManyColumns", "Expected: entry[,note]"));
                continue;
            }
            String note = fields.size() == 2 && !fields.get(1).isBlank() ? fields.get(1).strip() : null;
            if (note != null && note.length() > MAX_NOTE) {
                errors.add(error(number, line, "noteTooLong", "A note has at most " + MAX_NOTE + " characters"));
                continue;
            }
            try {
                entries.add(new NewEntry(EmailRule.parse(fields.get(0).strip()), note));
            } catch (InvalidEmailException e) {
                errors.add(error(number, fields.get(0), String.valueOf(e.reason()), e.getMessage()));
            }
        }
        return new Parsed(entries, errors);
    }

    /** One export line: the value, then the note if any, quoted when needed. */
    static String format(DenylistEntry entry) {
        String value = quote(entry.value());
        return entry.note() == null || entry.note().isEmpty() ? value : value + "," + quote(entry.note());
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || field.startsWith("#")) {
            return "\"" + field.replace("\"", "\"\"").replace("\r", " ").replace("\n", " ") + "\"";
        }
        return field;
    }

    /** Splits one CSV line; null when a quoted field is not closed. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    static Map<String, Object> error(int line, String value, String error, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("line", line);
        out.put("value", value);
        out.put("error", error);
        out.put("errorMessage", message);
        return out;
    }
}
