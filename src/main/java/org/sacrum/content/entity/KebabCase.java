package org.sacrum.content.entity;

import java.util.Locale;
import jakarta.json.bind.adapter.JsonbAdapter;

import java.util.Arrays;

/** Enumerations travel in JSON as kebab-case words ("trimester-1", "urgent-same-day"), as the schemas spell them. */
public interface KebabCase {
    String name();

    default String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & KebabCase> E parse(Class<E> type, String json) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.json().equals(json)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + json + "' is not one of " + Arrays.toString(
                        Arrays.stream(type.getEnumConstants()).map(KebabCase::json).toArray())));
    }

    abstract class Adapter<E extends Enum<E> & KebabCase> implements JsonbAdapter<E, String> {
        private final Class<E> type;

        protected Adapter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String adaptToJson(E value) {
            return value.json();
        }

        @Override
        public E adaptFromJson(String json) {
            return parse(type, json);
        }
    }
}
