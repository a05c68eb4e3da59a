package org.sacrum.delivery.boundary;

import org.sacrum.platform.control.Hashes;
import org.sacrum.edge.entity.SurrogateKeys;

import org.sacrum.delivery.control.EncodedResponse;
import org.sacrum.delivery.control.DeliveryQueries;
import org.sacrum.delivery.control.JsonLd;
import org.sacrum.delivery.control.ResponseCache;
import org.sacrum.delivery.control.DeliveryQuery;
import org.sacrum.delivery.control.CompareQuery;
import org.sacrum.delivery.control.DifferentialTable;
import org.sacrum.delivery.control.RenderedRevisions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.sacrum.platform.control.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.sacrum.content.control.ContentModel;
import org.sacrum.content.entity.ContentType;
import org.sacrum.entries.entity.Entry;
import org.sacrum.entries.control.EntryQueries;
import org.sacrum.content.entity.EntryRef;
import org.sacrum.identity.control.Caller;
import org.sacrum.platform.entity.ProblemException;
import org.sacrum.platform.entity.Violation;
import org.sacrum.entries.entity.State;
import org.sacrum.entries.control.PublicationHistory;
import org.sacrum.entries.entity.Publication;
import org.sacrum.entries.entity.PublicationTimeline;
import org.sacrum.entries.entity.WithdrawalCategory;
import org.sacrum.platform.control.ProblemResponses;
import org.sacrum.platform.control.SacrumClock;
import org.sacrum.platform.entity.PointInTime;
import org.sacrum.platform.entity.Problem;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public delivery API: /api/v1/{exercises|conditions|warnings|podcast-episodes|treatments|habits}[/{slug}],
 * and /api/v1/conditions/compare for a side-by-side table of conditions' differential features.
 * Published revisions only; a slug never published is a 404 like one that never existed, a withdrawn one a 410
 * (with its withdrawal category). With ?asOf={instant}, what was public then (never cached). With ?preview=true and
 * a signed-in caller, the latest revision is returned instead, marked as an unreviewed preview.
 */
@Path("v1")
// one instance: a request-scoped resource built a proxy for each EJB it injects, with a JNDI look-up each, per request
// (the request's caller, URI and headers come through proxies)
@ApplicationScoped
@Produces({MediaType.APPLICATION_JSON, JsonLd.MEDIA_TYPE})
public class DeliveryResource {
    /** The header marking a point-in-time read with the instant it shows. */
    static final String AS_OF = "X-Sacrum-As-Of";
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
    @Inject
    PublicationHistory history;
    @Inject
    SacrumClock clock;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;
    @Context
    HttpServletRequest request;

    @GET
    @Path("topics")
    public Response topics() {
        if (!queryParameters().isEmpty()) {
            throw ProblemException.badRequest("invalid-query", "The topic list takes no parameters.",
                    List.of(new Violation("", "unknown-parameter", "the topic list takes no query parameters")));
        }
        return answer(rendered(Json.createObjectBuilder().add("items", ContentModel.topics()).build(), null,
                MediaType.APPLICATION_JSON, "", -1, Set.of(SurrogateKeys.TOPICS)).encoded(), null);
    }

    /** Conditions side by side by their differential features; published entries only, a missing one is a 404 naming it. */
    @GET
    @Path("conditions/compare")
    public Response compare() {
        CompareQuery query = CompareQuery.parse(queryParameters());
        Map<String, DeliveryQueries.Published> found = new java.util.HashMap<>();
        queries.publishedBySlugs(ContentType.CONDITION, query.locale(), query.slugs()).forEach(p -> found.put(p.entry().slug(), p));
        List<DifferentialTable.Column> columns = new ArrayList<>();
        Instant newest = null;
        for (String slug : query.slugs()) {
            DeliveryQueries.Published p = found.get(slug);
            if (p == null) {
                throw notPublished(ContentType.CONDITION, slug);
            }
            JsonObject content = RenderedRevisions.of(ContentType.CONDITION, p.revision()).content();
            columns.add(new DifferentialTable.Column(slug, content.getString("title"), content.getJsonObject("features")));
            newest = newest == null || p.entry().publishedAt().isAfter(newest) ? p.entry().publishedAt() : newest;
        }
        return answer(rendered(DifferentialTable.of(columns), newest, MediaType.APPLICATION_JSON, "", -1,
                SurrogateKeys.ofComparison(query.slugs())).encoded(), null);
    }

    @GET
    @Path("{type}")
    public Response list(@PathParam("type") String typeName) {
        ContentType type = ContentType.byPluralOrNotFound(typeName);
        DeliveryQuery query = DeliveryQuery.parseList(type, queryParameters());
        String key = ResponseCache.key(type, null, query.canonical(), MediaType.APPLICATION_JSON);
        Optional<EncodedResponse> cached = lookUp(key);
        if (cached.isPresent()) {
            return answer(cached.get(), "hit");
        }
        ResponseCache.Served served = cache.renderOnce(key, () -> renderList(query)); // concurrent misses render it once
        return answer(served.wire(), served.rendered() ? "miss" : "hit");
    }

    private ResponseCache.Fresh renderList(DeliveryQuery query) {
        int page = query.page();
        int size = query.size();
        DeliveryQueries.Page result = queries.search(new DeliveryQueries.Filter(query.type(), query.locale(), query.facets(), query.q()),
                query.sort(), (page - 1) * size, size, query.after());
        JsonArrayBuilder items = Json.createArrayBuilder();
        Instant newest = null;
        Set<ContentType> linked = EnumSet.noneOf(ContentType.class);
        views.entries(result.items(), query.included()).forEach(items::add);
        for (DeliveryQueries.Shown p : result.items()) {
            linked.addAll(p.rendered().links().keySet());
            newest = newest == null || p.entry().publishedAt().isAfter(newest) ? p.entry().publishedAt() : newest;
        }
        long pages = (result.total() + size - 1) / size;
        // the list's own path, not the request's spelling of it: the response is cached for every spelling
        String path = uri.getBaseUri().getRawPath() + "v1/" + query.type().plural();
        // next continues after this page's last item (a cursor: one page's cost at any depth); a cursor page has no number
        String next = result.next() == null ? null : query.cursorLink(path, result.next());
        var body = Json.createObjectBuilder().add("items", items);
        if (query.after() == null) {
            body.add("page", page);
        }
        body.add("size", size).add("total", result.total()).add("totalExact", result.exact()).add("pages", pages);
        if (next != null) {
            body.add("next", next);
        }
        List<String> links = new ArrayList<>();
        if (next != null) {
            links.add("<" + next + ">; rel=\"next\"");
        }
        if (page > 1 && query.after() == null) {
            links.add("<" + query.pageLink(path, page - 1) + ">; rel=\"prev\"");
        }
        return rendered(body.build(), newest, MediaType.APPLICATION_JSON, String.join(", ", links), result.total(),
                SurrogateKeys.ofList(query.type(), linked));
    }

    @GET
    @Path("{type}/{slug}")
    public Response get(@PathParam("type") String typeName, @PathParam("slug") String slug) {
        ContentType type = ContentType.byPluralOrNotFound(typeName);
        DeliveryQuery query = DeliveryQuery.parseEntry(type, queryParameters());
        if (query.preview() && !caller.signedIn()) {
            throw ProblemException.unauthenticated("Previews need a signed-in caller.");
        }
        if (!ResponseCache.SLUG.matcher(slug).matches()) {
            throw notPublished(type, slug); // no such slug can exist: neither the database nor the cache is asked
        }
        boolean jsonLd = query.jsonLd() || JsonLd.requested(null, headers.getHeaderString(HttpHeaders.ACCEPT));
        String mediaType = jsonLd ? JsonLd.MEDIA_TYPE : MediaType.APPLICATION_JSON;
        if (query.asOf() != null) {
            return asOf(query, slug, jsonLd, mediaType);
        }
        if (query.preview()) {
            Entry latest = entries.find(new EntryRef(type, slug, query.locale())).filter(e -> e.state() != State.ARCHIVED)
                    .orElseThrow(() -> notPublished(type, slug));
            JsonObject body = render(query, queries.latest(List.of(latest.id())).get(0), true, jsonLd).body();
            return Response.ok(jsonLd ? JsonLd.text(body) : body.toString(), mediaType)
                    .cacheControl(noStore()).header("X-Sacrum-Preview", "unreviewed").build();
        }
        String key = ResponseCache.key(type, slug, query.canonical(), mediaType);
        Optional<EncodedResponse> cached = lookUp(key);
        if (cached.isPresent()) {
            return answer(cached.get(), "hit");
        }
        long generation = cache.generation(); // read before the database: a publication committing meanwhile voids the render's caching
        EntryRef ref = new EntryRef(type, slug, query.locale());
        DeliveryQueries.Published published = queries.published(ref).orElse(null); // the entry with its revision, one query
        if (published == null) { // not cached: a republication is a 200 at once
            Entry current = entries.find(ref).orElse(null);
            Publication last = current == null ? null : history.latest(current.id()).orElse(null);
            if (last == null) {
                throw notPublished(type, slug);
            }
            return gone(last).cacheControl(noStore()).build();
        }
        Rendering rendering = render(query, published, false, jsonLd);
        return answer(cache.put(key, rendered(rendering.body(), rendering.lastModified(), mediaType, "", -1, rendering.keys()), generation), "miss");
    }

    /**
     * What the public API answered at the instant: the revision public then (links as published then), 410 when it
     * had been withdrawn by then, 404 when it had not been published yet. Never cached, here or downstream.
     */
    private Response asOf(DeliveryQuery query, String slug, boolean jsonLd, String mediaType) {
        Instant at = query.asOf();
        Violation future = PointInTime.check("asOf", at.toString(), clock.now());
        if (future != null) {
            throw ProblemException.badRequest("invalid-query", "The query breaks 1 rule(s).", List.of(future));
        }
        Entry entry = entries.find(new EntryRef(query.type(), slug, query.locale())).orElse(null);
        List<Publication> rows = entry == null ? List.of() : history.of(entry.id());
        Publication shown = PublicationTimeline.shownAt(rows, at).orElse(null);
        Response.ResponseBuilder response;
        if (shown != null) {
            JsonObject body = views.entryAsOf(queries.shown(List.of(shown)).get(0), shown, at, query.included());
            response = Response.ok(jsonLd ? JsonLd.text(JsonLd.of(body)) : body.toString(), mediaType);
        } else {
            Publication withdrawn = PublicationTimeline.withdrawnBy(rows, at).orElse(null);
            response = withdrawn != null ? gone(withdrawn)
                    : Response.fromResponse(ProblemResponses.of(notPublished(query.type(), slug).problem().at(uri.getRequestUri().getRawPath())));
        }
        return response.cacheControl(noStore()).header(AS_OF, at.toString()).build();
    }

    /** 410 Gone for an entry withdrawn from the public: when, why, and the entry that replaces it (Link rel successor-version). */
    private Response.ResponseBuilder gone(Publication withdrawn) {
        String category = withdrawn.withdrawalCategory() == null ? WithdrawalCategory.RETIRED.id() : withdrawn.withdrawalCategory();
        Problem problem = Problem.of(410, "withdrawn", "Gone", "The " + withdrawn.contentType().id() + " '" + withdrawn.slug()
                + "' was withdrawn from publication (" + category + ").", null).at(uri.getRequestUri().getRawPath());
        JsonObjectBuilder members = Json.createObjectBuilder().add("withdrawnAt", String.valueOf(withdrawn.withdrawnAt()))
                .add("category", category);
        if (withdrawn.withdrawalReason() != null) {
            members.add("reason", withdrawn.withdrawalReason());
        }
        Response.ResponseBuilder response = ProblemResponses.withMembers(problem, withdrawn.successor() == null ? members.build()
                : members.add("successor", withdrawn.successor()).build());
        if (withdrawn.successor() != null) {
            String locale = withdrawn.locale().equals(DeliveryQuery.DEFAULT_LOCALE) ? "" : "?locale=" + withdrawn.locale();
            response.header("Link", "</api/v1/" + withdrawn.contentType().plural() + "/" + withdrawn.successor() + locale
                    + ">; rel=\"successor-version\"");
        }
        return response;
    }

    /** A rendered entry with the surrogate keys of what it shows (itself and the entries it links to). */
    private record Rendering(JsonObject body, Instant lastModified, Set<String> keys) {
    }

    private static Map<ContentType, List<String>> links(DeliveryQueries.Published p) {
        return RenderedRevisions.of(p.entry().contentType(), p.revision()).links();
    }

    /** The entry's view: its latest revision as an unreviewed preview, or the published one. */
    private Rendering render(DeliveryQuery query, DeliveryQueries.Published shown, boolean latest, boolean jsonLd) {
        JsonObject body = latest ? views.preview(shown, query.included()) : views.entry(shown, query.included());
        Entry entry = shown.entry();
        return new Rendering(jsonLd ? JsonLd.of(body) : body, entry.publishedAt(),
                SurrogateKeys.ofDetail(query.type(), entry.slug(), links(shown)));
    }

    /** The decoded query parameters; a malformed percent-escape (JAX-RS cannot decode it) is a 400, not a 500. */
    private Map<String, List<String>> queryParameters() {
        try {
            return uri.getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-query", "The query string is not validly percent-encoded.",
                    List.of(new Violation("", "encoding", "escape '%' as %25; every %XX must be two hexadecimal digits")));
        }
    }

    /** The cached response, unless {@link CachedDeliveryFilter} has just asked the cache for it in vain. */
    private Optional<EncodedResponse> lookUp(String key) {
        return CachedDeliveryFilter.missed(request, key) ? Optional.empty() : cache.wire(key);
    }

    private static ProblemException notPublished(ContentType type, String slug) {
        return ProblemException.notFound("No published " + type.id() + " '" + (slug.length() > 100 ? slug.substring(0, 100) + "…" : slug) + "'.");
    }

    private static ResponseCache.Fresh rendered(JsonObject body, Instant lastModified, String mediaType, String link, long total,
                                                Set<String> keys) {
        byte[] utf8 = JsonLd.MEDIA_TYPE.equals(mediaType) ? JsonLd.text(body).getBytes(StandardCharsets.UTF_8) : Json.utf8(body);
        return new ResponseCache.Fresh(new ResponseCache.Cached(Hashes.sha256(utf8).substring(0, 32),
                lastModified == null ? 0 : lastModified.toEpochMilli(), mediaType, link, total, SurrogateKeys.header(keys), ""), utf8);
    }

    /** Strong ETag over the exact body; 304 when the client has it; public caching with revalidation. The cache status (hit, miss) is sent when given. */
    private Response answer(EncodedResponse wire, String cacheStatus) {
        boolean notModified = wire.notModified(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE));
        Response.ResponseBuilder response = notModified ? Response.notModified()
                : Response.ok(wire.body(), wire.response().mediaType());
        wire.headers().forEach(header -> response.header(header.getKey(), header.getValue()));
        return (cacheStatus == null ? response : response.header("X-Sacrum-Cache", cacheStatus)).build();
    }

    private static CacheControl noStore() {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        cc.setPrivate(true);
        return cc;
    }
}
