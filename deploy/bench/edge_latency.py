#!/usr/bin/env python3
"""Time from a publication or withdrawal committing to the edge cache (Varnish, deploy/varnish) serving the new answer.

For each change, the edge first holds the old answer (a cache hit, checked by its X-Cache header); then the change is
made through the management API, and from the moment its response returns (the transaction has committed) the edge
is asked again, back to back on a kept-alive connection, until it serves the new answer:
  withdrawal   GET /api/v1/exercises/{slug}        cached 200, until 410 (404 for a catalogue copy, which has no
                                                   publication history; run.sh picks a seeded exercise)
  publication  GET /api/v1/exercises?size=1        cached list, until its total counts the entry again
Changes alternate, withdrawal first, until CHANGES are timed. The purge is Sacrum's own (sacrum.edge.purge-urls, sent by its outbox). When no
purge arrives within the first change's timeout (a build without the outbox dispatcher), the benchmark sends the same
PURGE itself from then on and says so on every line: that measures Varnish and the re-fetch, not Sacrum's purger.

Usage: edge_latency.py SACRUM_URL EDGE_URL TOKEN SLUG CHANGES OUT_FILE
OUT_FILE gets "kind milliseconds fed-by" a line (fed-by: sacrum or benchmark); report.py summarises it.
"""
import http.client
import json
import sys
import time
import urllib.parse

TIMEOUT_S = 10.0


class Client:
    def __init__(self, base, token=None):
        url = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT_S)
        self.token = token

    def call(self, method, path, headers=None):
        h = dict(headers or {})
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        self.conn.request(method, path, headers=h)
        r = self.conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()


def main():
    sacrum, edge_url, token, slug, changes, out = sys.argv[1:7]
    manage = Client(sacrum, token)
    edge = Client(edge_url)
    detail = f"/api/v1/exercises/{slug}"
    lst = "/api/v1/exercises?size=1"
    keys = f"entry:exercise/{slug} list:exercise changes"
    fed_by = "sacrum"

    def cached(path):
        for _ in range(5):
            status, headers, body = edge.call("GET", path)
            if headers.get("x-cache") == "hit":
                return status, headers, body
        sys.exit(f"edge_latency.py: the edge does not keep {path} (X-Cache {headers.get('x-cache')}, status {status})")

    def total(body):
        return json.loads(body)["total"]

    with open(out, "w", encoding="utf-8") as f:
        recorded, i = 0, -1
        while recorded < int(changes):
            i += 1
            withdrawing = i % 2 == 0
            if withdrawing:
                status, _, _ = cached(detail)
                assert status == 200, f"{detail} is {status} before its withdrawal"
                path, done = detail, (lambda s, b: s in (404, 410))  # 410; 404 for a catalogue copy (no history row)
                action = "unpublish"
            else:
                _, _, body = cached(lst)
                expected = total(body) + 1
                path, done = lst, (lambda s, b, e=expected: s == 200 and total(b) == e)
                action = "publish"
            status, _, body = manage.call("POST", f"/api/manage/exercises/{slug}/{action}")
            if status != 200:
                sys.exit(f"edge_latency.py: {action} answered {status}: {body[:300]!r}")
            committed = time.monotonic()
            if fed_by == "benchmark":
                edge.call("PURGE", "/", {"xkey-purge": keys})
            while True:
                status, _, body = edge.call("GET", path)
                elapsed = time.monotonic() - committed
                if done(status, body):
                    break
                if elapsed > TIMEOUT_S:
                    if i == 0 and fed_by == "sacrum":
                        print(f"   no purge from Sacrum reached the edge within {TIMEOUT_S:.0f} s (no outbox dispatcher in "
                              f"this build?): the benchmark sends the PURGE itself from now on", flush=True)
                        fed_by = "benchmark"
                        edge.call("PURGE", "/", {"xkey-purge": keys})
                        committed = None
                        break
                    sys.exit(f"edge_latency.py: the edge still answers {status} for {path} {elapsed:.1f} s after the {action}")
            if committed is None:  # the first change, purged late: not a figure
                while not done(*edge.call("GET", path)[0:3:2]):
                    time.sleep(0.01)
                continue
            f.write(f"{'withdrawal' if withdrawing else 'publication'} {elapsed * 1000:.2f} {fed_by}\n")
            f.flush()
            recorded += 1


if __name__ == "__main__":
    main()
