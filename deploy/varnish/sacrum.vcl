# Varnish 7 (Debian 12: packages varnish and varnish-modules) in front of Sacrum: the recommended front cache.
# It caches the public delivery API (/api/v1) as Sacrum's own headers say (Cache-Control max-age=60,
# stale-while-revalidate=300, Vary: Accept), and Sacrum purges it the moment an entry is published or withdrawn:
# every delivery response carries surrogate keys in its "xkey" header (entry:<type>/<slug>, list:<type>,
# type:<type>, changes; see org.sacrum.edge.entity.SurrogateKeys), and Sacrum (sacrum.edge.purge-urls) sends
#   PURGE /   with   xkey-purge: entry:exercise/pelvic-tilts list:exercise changes
# which removes every object tagged with any of those keys, graced copies included (a hard purge: a withdrawn entry
# is never served stale after it). Start it with deploy/varnish/run.sh, which writes sacrum-site.vcl (the backend
# and the addresses allowed to purge) next to the working directory.
vcl 4.1;

import std;
import xkey;

# backend "sacrum" and acl "sacrum_purgers", written by run.sh from SACRUM_BACKEND and VARNISH_PURGERS
include "sacrum-site.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ sacrum_purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "A purge names its surrogate keys in the xkey-purge header"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged + " objects"));
    }
    # the management API, the console, health and OpenAPI: never cached here
    if (req.url !~ "^(/[^/?]+)?/api/v1/") { # Sacrum at / (deploy/run.sh), or under a context path (tests)
        return (pass);
    }
    # OPTIONS (CORS preflight) and anything but reads go to Sacrum
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # signed-in callers (previews of drafts) go to Sacrum and nothing they get is stored (as in deploy/nginx)
    if (req.http.Authorization || req.url ~ "[?&]preview=") {
        return (pass);
    }
    # the delivery API reads no cookies: a site's cookies must not split or bypass the cache
    unset req.http.Cookie;
    # one object per query whatever the parameters' order (Sacrum refuses unknown or repeated parameters itself)
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_hit {
    set req.http.x-cache = "hit";
}

sub vcl_miss {
    set req.http.x-cache = "miss";
}

sub vcl_pass {
    set req.http.x-cache = "pass";
}

sub vcl_backend_response {
    # Only what Sacrum marks cacheable is kept: a 200 with max-age, TTL and grace from its Cache-Control (Varnish reads
    # max-age and stale-while-revalidate). No Cache-Control (the change feed, errors, 404), no-store (410 withdrawn,
    # point-in-time and preview reads) or private: never stored, so a republished entry is a 200 at once.
    if (bereq.url ~ "^(/[^/?]+)?/api/v1/" && beresp.status == 200 && beresp.http.Cache-Control ~ "max-age="
            && beresp.http.Cache-Control !~ "(no-store|no-cache|private)" && !beresp.http.Set-Cookie) {
        return (deliver);
    }
    # a short hit-for-miss marker: requests for it go to Sacrum (not serialised behind one fetch), nothing is served from it
    set beresp.ttl = 1s;
    set beresp.grace = 0s;
    set beresp.uncacheable = true;
    return (deliver);
}

sub vcl_deliver {
    # the surrogate keys are for this cache only
    unset resp.http.xkey;
    if (req.http.x-cache == "hit" && obj.ttl <= 0s) {
        set resp.http.X-Cache = "hit-stale";
    } else {
        set resp.http.X-Cache = req.http.x-cache;
    }
}

sub vcl_synth {
    if (req.method == "PURGE") {
        if (req.http.x-purged) {
            set resp.http.X-Purged = req.http.x-purged;
        }
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
