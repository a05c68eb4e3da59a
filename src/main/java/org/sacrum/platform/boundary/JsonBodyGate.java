package org.sacrum.platform.boundary;

import java.util.Locale;
import org.sacrum.platform.control.BoundedJsonReader;

import jakarta.annotation.Priority;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every JSON request body passes here before JAX-RS binds it: a body announced larger than
 * {@code sacrum.max-body-bytes} is refused unread (413), an endpoint that takes a body refuses a request without one
 * (400), and the body itself is read with {@link BoundedJsonReader} (size, depth, well-formedness, an object, no
 * unknown fields of the target record). Only the complete, checked tree, written back out, reaches JSON-B or JSON-P,
 * whose own parser loops forever on some truncated input.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyGate implements ContainerRequestFilter, ReaderInterceptor {
    private static final Set<Class<? extends Annotation>> NOT_ENTITY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    private static final Map<Method, Boolean> TAKES_BODY = new ConcurrentHashMap<>();
    private static volatile BoundedJsonReader reader;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        long max = maxBytes();
        if (json(request.getMediaType()) && request.getLength() > max) { // other media types (the NDJSON import) bound their own lines
            throw BoundedJsonReader.tooLarge(max);
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        // only methods that carry a body: Jersey answers OPTIONS (and HEAD) through the resource's other methods
        if (method != null && BODY_METHODS.contains(request.getMethod())
                && TAKES_BODY.computeIfAbsent(method, JsonBodyGate::requiresBody) && !request.hasEntity()) {
            throw BoundedJsonReader.missing();
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!json(context.getMediaType())) {
            return context.proceed();
        }
        JsonObject body = reader().readObject(context.getInputStream());
        BoundedJsonReader.refuseUnknownFields(body, context.getGenericType());
        context.setInputStream(new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)));
        context.setMediaType(MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name()));
        return context.proceed();
    }

    static boolean json(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    /** A resource method takes a body when one of its parameters carries no JAX-RS parameter annotation. */
    public static boolean takesBody(Method method) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            boolean entity = true;
            for (Annotation a : annotations) {
                entity &= !NOT_ENTITY.contains(a.annotationType());
            }
            if (entity) {
                return true;
            }
        }
        return false;
    }

    /** A method requires a body when it takes one that is not marked {@link OptionalBody}. */
    static boolean requiresBody(Method method) {
        return takesBody(method) && Arrays.stream(method.getParameterAnnotations())
                .noneMatch(annotations -> Arrays.stream(annotations).anyMatch(a -> a instanceof OptionalBody));
    }

    private static long maxBytes() {
        return reader().maxBytes();
    }

    private static BoundedJsonReader reader() {
        BoundedJsonReader r = reader;
        if (r == null) {
            long max = ConfigProvider.getConfig().getOptionalValue("sacrum.max-body-bytes", Long.class)
                    .orElse(BoundedJsonReader.DEFAULT_MAX_BYTES);
            reader = r = new BoundedJsonReader(max, BoundedJsonReader.DEFAULT_MAX_DEPTH);
        }
        return r;
    }
}
