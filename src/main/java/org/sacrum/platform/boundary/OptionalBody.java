package org.sacrum.platform.boundary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method's entity parameter as optional: {@link JsonBodyGate} then lets a request without a body
 * through (the parameter is read as a String, empty when there was none). A body that is sent is still bounded and
 * must be a JSON object.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OptionalBody {
}
