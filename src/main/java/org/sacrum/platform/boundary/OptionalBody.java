package org.sacrum.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method's entity parameter as optional: {@link JsonBodyGate} lets a request without a body
 * through (the parameter is then null) instead of refusing it, so that an endpoint can gain a body without
 * breaking clients that send none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OptionalBody {
}
