package org.sacrum.delivery;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.sacrum.platform.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.sacrum.content.ContentCodec;
import org.sacrum.content.ContentModel;
import org.sacrum.content.ContentType;
import org.sacrum.content.Entry;
import org.sacrum.content.EntryQueries;
import org.sacrum.content.EntryRef;
import org.sacrum.identity.Caller;
import org.sacrum.platform.Problem;
import org.sacrum.platform.ProblemException;
import org.sacrum.platform.Violation;
import org.sacrum.workflow.State;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public delivery API: /api/v1/{exercises|conditions|warnings|podcast-episodes}[/{slug}].
 * Published revisions only; an unpublished slug is a 404 like one that never existed. With ?preview=true and
 * a signed-in caller, the latest revision is returned instead, marked as an unreviewed preview.
 */
@Path("v1")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, JsonLd.MEDIA_TYPE})
public class DeliveryResource {
    static final Map<ContentType, Set<String>> FILTERS = Map.of(
            ContentType.EXERCISE, Set.of("topic", "condition", "warning", "stage", "equipment", "region"),
            ContentType.CONDITION, Set.of("topic", "condition", "warning"),
            ContentType.WARNING, Set.of("topic", "condition", "stage", "urgency"),
            ContentType.PODCAST_EPISODE, Set.of("topic", "condition"));
    private static final Set<String> SORTS = Set.of("slug", "-slug", "published", "-published");

    @Inject
    DeliveryQueries queries;
    @Inject
    DeliveredViews views;
    @Inject
    EntryQueries entries;
    @Inject
    Caller caller;
    @Inject
    ResponseCache cache;
    @Context
    UriInfo uri;

    @QueryParam("locale")
    @DefaultValue("en-GB")
    String locale;
    @QueryParam("preview")
    @DefaultValue("false")
    boolean preview;
    @QueryParam("include")
    String include;
    @QueryParam("format")
    String format;
    @Context
    HttpHeaders headers;

    @GET
    @Path("topics")
    public Response topics() {
        return answer(Wire.of(rendered(Json.createObjectBuilder().add("items", ContentModel.topics()).build(), null,
                MediaType.APPLICATION_JSON, "", -1)), null);
    }

    @GET
    @Path("{type}")
    public Response list(@PathParam("type") String typeName, @QueryParam("q") String q,
                         @QueryParam("sort") @DefaultValue("slug") String sort,
                         @QueryParam("page") @DefaultValue("1") int page,
                         @QueryParam("size") @DefaultValue("20") int size) {
        ContentType type = type(typeName);
        List<Violation> bad = new ArrayList<>();
        if (!SORTS.contains(sort)) {
            bad.add(new Violation("sort", "one-of", "must be one of " + String.join(", ", SORTS)));
        }
        if (page < 1) {
            bad.add(new Violation("page", "min", "must be 1 or more"));
        }
        if (size < 1 || size > 100) {
            bad.add(new Violation("size", "range", "must be between 1 and 100"));
        }
        if (preview) {
            bad.add(new Violation("preview", "detail-only", "preview is for one entry at a time: GET /api/v1/{type}/{slug}?preview=true"));
        }
        Map<String, List<String>> facets = facets(type, bad);
        Set<ContentType> included = included(bad);
        if (!bad.isEmpty()) {
            throw ProblemException.badRequest("invalid-query", "The query breaks " + bad.size() + " rule(s).", bad);
        }
        String key = cacheKey(MediaType.APPLICATION_JSON);
        Optional<Wire> cached = cache.wire(key);
        return cached.isPresent() ? answer(cached.get(), "hit")
                : answer(cache.put(key, renderList(type, facets, q, sort, page, size, included)), "miss");
    }

    private ResponseCache.Cached renderList(ContentType type, Map<String, List<String>> facets, String q, String sort,
                                            int page, int size, Set<ContentType> included) {
        DeliveryQueries.Page result = queries.search(new DeliveryQueries.Filter(type, locale, facets, q), sort, (page - 1) * size, size);
        JsonArrayBuilder items = Json.createArrayBuilder();
        Instant newest = null;
        for (DeliveryQueries.Published p : result.items()) {
            items.add(views.entry(p, false, included));
            newest = newest == null || p.entry().publishedAt().isAfter(newest) ? p.entry().publishedAt() : newest;
        }
        long pages = (result.total() + size - 1) / size;
        JsonObject body = Json.createObjectBuilder().add("items", items).add("page", page).add("size", size)
                .add("total", result.total()).add("pages", pages).build();
        List<String> links = new ArrayList<>();
        if (page < pages) {
            links.add("<" + pageLink(page + 1) + ">; rel=\"next\"");
        }
        if (page > 1) {
            links.add("<" + pageLink(page - 1) + ">; rel=\"prev\"");
        }
        return rendered(body, newest, MediaType.APPLICATION_JSON, String.join(", ", links), result.total());
    }

    /** A relative link (RFC 8288 allows it): the cached response must not carry one caller's host or scheme to another. */
    private String pageLink(int page) {
        URI link = uri.getRequestUriBuilder().replaceQueryParam("page", page).build();
        return link.getRawPath() + "?" + link.getRawQuery();
    }

    @GET
    @Path("{type}/{slug}")
    public Response get(@PathParam("type") String typeName, @PathParam("slug") String slug) {
        ContentType type = type(typeName);
        List<Violation> bad = new ArrayList<>();
        Set<ContentType> included = included(bad);
        if (!bad.isEmpty()) {
            throw ProblemException.badRequest("invalid-query", "The query breaks " + bad.size() + " rule(s).", bad);
        }
        if (preview && !caller.signedIn()) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Unauthorized", "Previews need a signed-in caller.", null));
        }
        boolean jsonLd = JsonLd.requested(format, headers.getHeaderString(HttpHeaders.ACCEPT));
        String mediaType = jsonLd ? JsonLd.MEDIA_TYPE : MediaType.APPLICATION_JSON;
        if (preview) {
            return Response.ok(render(type, slug, true, included, jsonLd).body().toString(), mediaType)
                    .cacheControl(noStore()).header("X-Sacrum-Preview", "unreviewed").build();
        }
        String key = cacheKey(mediaType);
        Optional<Wire> cached = cache.wire(key);
        if (cached.isPresent()) {
            return answer(cached.get(), "hit");
        }
        Rendering rendering = render(type, slug, false, included, jsonLd);
        return answer(cache.put(key, rendered(rendering.body(), rendering.lastModified(), mediaType, "", -1)), "miss");
    }

    private record Rendering(JsonObject body, Instant lastModified) {
    }

    private Rendering render(ContentType type, String slug, boolean latest, Set<ContentType> included, boolean jsonLd) {
        Entry entry = entries.find(new EntryRef(type, slug, locale))
                .filter(e -> latest ? e.state() != State.ARCHIVED : e.publishedRevision() != null)
                .orElseThrow(() -> ProblemException.notFound("No published " + type.id() + " '" + slug + "'."));
        DeliveryQueries.Published published = queries.load(List.of(entry.id()), latest).get(0);
        JsonObject body = views.entry(published, latest, included);
        return new Rendering(jsonLd ? JsonLd.of(body) : body, entry.publishedAt());
    }

    /** The cache key: the request's path and query, and the representation asked for. */
    private String cacheKey(String mediaType) {
        return ResponseCache.key(uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery(), mediaType);
    }

    private static ResponseCache.Cached rendered(JsonObject body, Instant lastModified, String mediaType, String link, long total) {
        String json = body.toString();
        return new ResponseCache.Cached(ContentCodec.sha256(json).substring(0, 32), lastModified == null ? 0 : lastModified.toEpochMilli(),
                mediaType, link, total, json);
    }

    /** Strong ETag over the exact body; 304 when the client has it; public caching with revalidation. The cache status (hit, miss) is sent when given. */
    private Response answer(Wire wire, String cacheStatus) {
        boolean notModified = wire.notModified(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE));
        Response.ResponseBuilder response = notModified ? Response.notModified()
                : Response.ok(wire.body(), wire.response().mediaType());
        wire.headers().forEach(header -> response.header(header.getKey(), header.getValue()));
        return (cacheStatus == null ? response : response.header("X-Sacrum-Cache", cacheStatus)).build();
    }

    private Map<String, List<String>> facets(ContentType type, List<Violation> bad) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        Set<String> allowed = FILTERS.get(type);
        for (String name : FacetIndex.NAMES) {
            List<String> values = uri.getQueryParameters().get(name);
            if (values == null) {
                continue;
            }
            if (!allowed.contains(name)) {
                bad.add(new Violation(name, "filter-not-supported", type.plural() + " can be filtered by " + String.join(", ", allowed.stream().sorted().toList())));
                continue;
            }
            List<String> split = values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty())
                    .flatMap(v -> name.equals("topic") ? ContentModel.topicWithDescendants(v).stream() : java.util.stream.Stream.of(v))
                    .distinct().toList();
            if (split.isEmpty() || split.size() > 20) {
                bad.add(new Violation(name, "values", "give 1 to 20 comma-separated values"));
            } else {
                facets.put(name, split);
            }
        }
        return facets;
    }

    private Set<ContentType> included(List<Violation> bad) {
        Set<ContentType> types = EnumSet.noneOf(ContentType.class);
        if (include == null || include.isBlank()) {
            return types;
        }
        for (String name : include.split(",")) {
            ContentType.byPlural(name.trim()).ifPresentOrElse(types::add,
                    () -> bad.add(new Violation("include", "one-of", "'" + name.trim() + "' is not a content type; use exercises, conditions, warnings or podcast-episodes")));
        }
        return types;
    }

    private static ContentType type(String name) {
        return ContentType.byPlural(name).orElseThrow(() -> ProblemException.notFound(
                "No content type '" + name + "'; the types are exercises, conditions, warnings and podcast-episodes."));
    }

    private static CacheControl noStore() {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        cc.setPrivate(true);
        return cc;
    }
}
