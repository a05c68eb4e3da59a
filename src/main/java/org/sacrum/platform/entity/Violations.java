package org.sacrum.platform.entity;

import java.util.Locale;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns Bean Validation violations into stable, client-facing {@link Violation}s. */
public final class Violations {
    private Violations() {
    }

    public static List<Violation> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Violation(field(v), rule(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
                .toList();
    }

    /** A custom constraint names its rule in a {@code code} attribute; built-in ones by their annotation. */
    static String rule(ConstraintViolation<?> v) {
        Object value = v.getConstraintDescriptor().getAttributes().get("value");
        if (value instanceof RuleCode rule) {
            return rule.code();
        }
        Object code = v.getConstraintDescriptor().getAttributes().get("code");
        if (code instanceof String s && !s.isBlank()) {
            return s;
        }
        return kebab(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
    }

    /** The property path without method or parameter nodes, so clients see the JSON field ("steps[0]"). */
    static String field(ConstraintViolation<?> v) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> {
                    continue;
                }
                default -> { }
            }
            if (node.isInIterable() && path.length() > 0) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            boolean named = node.getKind() == jakarta.validation.ElementKind.PROPERTY && node.getName() != null;
            if (named) {
                path.append(path.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return path.toString();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
