package org.sacrum.delivery.boundary;

import org.sacrum.delivery.control.EncodedResponse;
import org.sacrum.delivery.control.JsonLd;
import org.sacrum.delivery.control.ResponseCache;
import org.sacrum.delivery.control.DeliveryQuery;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import org.sacrum.platform.boundary.RequestLog;

import org.sacrum.content.entity.ContentType;
import org.sacrum.platform.entity.ProblemException;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a public delivery read from {@link ResponseCache} before JAX-RS when the cache holds it. On a cached
 * read, request matching, CDI and building the response cost most of the time (profiled: about 70%), so a hit
 * is sent from here with the headers and body bytes prepared when it was cached. A miss, a preview or any other
 * method goes on to {@link DeliveryResource}, which renders the response and caches it. Every response here,
 * errors included, carries the cross-origin headers of {@link DeliveryCors}.
 */
@WebFilter(urlPatterns = "/api/v1/*", asyncSupported = true)
public class CachedDeliveryFilter extends HttpFilter {
    private static final String PREFIX = "/api/v1/";
    /** The longest request (path, query and Accept) whose cache key is remembered; longer ones are parsed each time. */
    static final int MAX_REMEMBERED = 1_000;
    /**
     * Cache keys by raw request (path, query string, Accept): a hit then costs no query parsing. Bounded by the
     * characters it holds (a client cycling through made-up queries evicts, never grows it).
     */
    private static final com.github.benmanes.caffeine.cache.Cache<String, Optional<String>> KEYS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumWeight(4_000_000)
                    .weigher((String raw, Optional<String> key) -> raw.length() + key.map(String::length).orElse(0))
                    .executor(Runnable::run).build();
    /**
     * The request attribute naming the cache key both levels were just asked for in vain: the resource renders
     * without asking them again (a data-grid read is a thread hand-off, and on a miss it was paid twice).
     */
    private static final String MISSED = CachedDeliveryFilter.class.getName() + ".missed";
    @Inject
    ResponseCache cache;

    /** Whether this request's look-up of the key already missed here, so that the cache need not be asked again. */
    static boolean missed(HttpServletRequest request, String key) {
        return request != null && key.equals(request.getAttribute(MISSED));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        DeliveryCors.allow(response);
        if ("OPTIONS".equals(request.getMethod())) {
            DeliveryCors.answerPreflight(response);
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        String path = request.getRequestURI();
        String query = request.getQueryString();
        Optional<EncodedResponse> hit;
        String key = null;
        try {
            key = rememberedKey(request, path, query).orElse(null);
            hit = key == null ? Optional.empty() : cache.wire(key);
        } catch (RuntimeException e) {
            key = null;
            hit = Optional.empty(); // whatever went wrong here, JAX-RS answers the request (a problem, or rendered uncached)
        }
        if (hit.isEmpty()) {
            if (key != null) {
                request.setAttribute(MISSED, key);
            }
            chain.doFilter(request, response);
            return;
        }
        EncodedResponse wire = hit.get();
        int status = wire.send(response, wire.notModified(request.getHeader("If-None-Match"),
                request.getHeader("If-Modified-Since")), "hit");
        Principal caller = request.getUserPrincipal();
        RequestLog.record("GET", path, query, status, (System.nanoTime() - started) / 1000,
                caller == null ? null : caller.getName());
    }

    private static Optional<String> rememberedKey(HttpServletRequest request, String path, String query) {
        String accept = request.getHeader("Accept");
        String raw = path + "?" + (query == null ? "" : query) + "\n" + (accept == null ? "" : accept);
        if (raw.length() > MAX_REMEMBERED) {
            return key(path.substring(request.getContextPath().length()), request.getParameterMap(), accept);
        }
        // the key is a function of the raw request alone (the day is added by the cache), so it is computed once
        return KEYS.get(raw, r -> key(path.substring(request.getContextPath().length()), request.getParameterMap(), accept));
    }

    /**
     * The cache key {@link DeliveryResource} uses for this read (path within the application, decoded parameters),
     * or empty when it is not a cacheable read: another path, a preview, a point-in-time read (asOf), or a query the resource refuses (so an
     * unknown parameter gets its 400, never a cached answer).
     */
    public static Optional<String> key(String path, Map<String, String[]> parameters, String accept) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] segments = path.substring(PREFIX.length()).split("/", -1);
        if (segments.length > 2) {
            return Optional.empty();
        }
        Optional<ContentType> type = ContentType.byPlural(segments[0]);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> params = new HashMap<>();
        parameters.forEach((name, values) -> params.put(name, Arrays.asList(values)));
        try {
            if (segments.length == 1) {
                return Optional.of(ResponseCache.key(type.get(), null, DeliveryQuery.parseList(type.get(), params).canonical(),
                        MediaType.APPLICATION_JSON));
            }
            String slug = URLDecoder.decode(segments[1].replace("+", "%2B"), StandardCharsets.UTF_8);
            DeliveryQuery query = DeliveryQuery.parseEntry(type.get(), params);
            if (query.preview() || query.asOf() != null || !ResponseCache.SLUG.matcher(slug).matches()) { // asOf: never cached
                return Optional.empty();
            }
            String mediaType = query.jsonLd() || JsonLd.requested(null, accept) ? JsonLd.MEDIA_TYPE : MediaType.APPLICATION_JSON;
            return Optional.of(ResponseCache.key(type.get(), slug, query.canonical(), mediaType));
        } catch (ProblemException | IllegalArgumentException refused) {
            return Optional.empty();
        }
    }
}
