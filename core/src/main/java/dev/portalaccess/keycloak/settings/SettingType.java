package dev.portalaccess.keycloak.settings;

import java.util.List;

/**
 * How one kind of value is read and written: the only place a stored or submitted value is parsed
 * ({@link #parse}) and the only form in which it is stored ({@link #write}, canonical). Built-in types are in
 * {@link SettingTypes}; a feature may declare its own (e.g. an email rule entry, a group path that must exist).
 */
public interface SettingType<T> {

    /** The type's name in the schema a UI renders from: {@code flag}, {@code text}, {@code url}, {@code choice}... */
    String name();

    /** Reads a raw value (surrounding white space, case of flags and choices tolerated). Never returns null. */
    T parse(String raw) throws InvalidSettingValue;

    /** The canonical stored form of a value. */
    String write(T value);

    /** The canonical values a {@code choice} accepts; empty for every other type. */
    default List<String> choices() {
        return List.of();
    }
}
