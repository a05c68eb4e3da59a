#!/usr/bin/env python3
"""Prints the benchmark's table and verdicts from what run.sh left in its work folder.

  wrk-NAME.txt     the output of `wrk --latency` for scenario NAME (requests/s, percentiles, errors, bytes)
  cold-NAME.txt    "status seconds bytes" a line, one uncached request at a time (curl -w)
  sql-NAME.txt     "milliseconds" a line: EXPLAIN ANALYZE execution times of the SQL a list shape sends (sql-shapes.txt)
  sql-NAME.first   the untimed first run of that SQL in the session (the backend's catalogue caches still cold)
  sql-NAME.plan    the last EXPLAIN (ANALYZE, BUFFERS) of that shape, printed at the end
  cold-manage.txt  management lists, the review queue, a long revision history (manage.paths), one at a time
  boot.txt         seconds to ready on the empty and on the full catalogue, heap after a full GC, the JIT's settling
                   and its compile time during the uncached requests
  edge-latency.txt "kind milliseconds fed-by" a line: a change committing to the edge (Varnish) serving it
  facts.txt        key=value lines: catalogue size, wrk settings, the list scenarios' totals
  times.txt        "NAME start end" (epoch seconds) of each measured wrk run
  cpu.txt          "NAME ticks ticks": Sacrum's JVM CPU time (user + system, clock ticks) before and after each run
  gc.log           Sacrum's GC log (-Xlog:gc with wall-clock times): pauses during each Sacrum run

Usage: report.py WORK_DIR. Fails loudly if a wrk output cannot be read rather than printing a made-up figure.
"""
import datetime
import os
import re
import statistics
import sys

DETAIL_TARGET = 0.50  # Sacrum's detail throughput as a share of nginx's
LIST_P99_TARGET_MS = 50.0
COLD_LIST_P99_TARGET_MS = 25.0  # issue #17: uncached filtered lists, one at a time
COLD_INCLUDE_P99_TARGET_MS = 10.0  # uncached detail with include=
LIST_SQL_TARGET_MS = 5.0  # the database time of every list shape
MANAGE_P99_TARGET_MS = 50.0
CONTAINER_SHARE_TARGET = 0.90  # cached detail against Payara serving a static file, same run
HEAP_TARGET_MB = 512
EDGE_DETAIL_TARGET = 0.90  # Varnish's cached detail throughput as a share of nginx static files
EDGE_WITHDRAWAL_P99_MS = 1000.0


def container_pairs(work):
    """
    The extra back-to-back pairs of cached detail and the container's static file: (Sacrum req/s, static req/s,
    share, Sacrum CPU µs per request, static CPU µs per request) each; a CPU figure is None where cpu.txt lacks it.
    """
    pairs = []
    n = 1
    while os.path.exists(os.path.join(work, f"wrk-pair{n}-container.txt")):
        sacrum, static = wrk(work, f"pair{n}-sacrum"), wrk(work, f"pair{n}-container")
        pairs.append((sacrum["rps"], static["rps"], sacrum["rps"] / static["rps"],
                      cpu_per_request(work, f"pair{n}-sacrum", sacrum["requests"]),
                      cpu_per_request(work, f"pair{n}-container", static["requests"])))
        n += 1
    return pairs


def cpu_per_request(work, name, requests):
    """Sacrum's JVM CPU time (all threads) during run NAME in microseconds per request answered, from cpu.txt."""
    path = os.path.join(work, "cpu.txt")
    if not os.path.exists(path) or not requests:
        return None
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, before, after = line.split()
            if key == name:
                return (float(after) - float(before)) / os.sysconf("SC_CLK_TCK") * 1e6 / requests
    return None


def quartiles(values):
    """Lower quartile, median and upper quartile (statistics' exclusive method; the values themselves under 4)."""
    if len(values) < 4:
        return min(values), statistics.median(values), max(values)
    q = statistics.quantiles(values, n=4)
    return q[0], q[1], q[2]


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(work, name):
    path = os.path.join(work, f"wrk-{name}.txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()

    def need(pattern):
        m = re.search(pattern, text, re.M)
        if not m:
            sys.exit(f"report.py: cannot read /{pattern}/ in {path}:\n{text}")
        return m

    percentiles = {int(p): ms(v, u) for p, v, u in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)}
    if 50 not in percentiles or 99 not in percentiles:
        sys.exit(f"report.py: no latency distribution in {path} (wrk --latency?):\n{text}")
    done = need(r"^\s+(\d+) requests in ([\d.]+)(us|ms|s|m), ([\d.]+)(B|KB|MB|GB) read")
    requests = int(done.group(1))
    read = float(done.group(4)) * {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[done.group(5)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "rps": float(need(r"^Requests/sec:\s+([\d.]+)").group(1)),
        "p50": percentiles[50],
        "p99": percentiles[99],
        "requests": requests,
        "kb": read / requests / 1024 if requests else 0.0,
        "errors": (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0),
    }


def gc_pauses(work):
    """(epoch seconds, pause ms) of every stop-the-world pause in Sacrum's GC log."""
    pauses = []
    path = os.path.join(work, "gc.log")
    if not os.path.exists(path):
        return pauses
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\[([^\]]+)\].* Pause .* ([\d.]+)ms$", line.strip())
            if m:
                at = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
                pauses.append((at, float(m.group(2))))
    return pauses


def gc_during(work, name, pauses):
    with open(os.path.join(work, "times.txt"), encoding="utf-8") as f:
        for line in f:
            key, start, end = line.split()
            if key == name:
                during = [ms for at, ms in pauses if float(start) <= at <= float(end)]
                return f"{len(during)} GC, max {max(during, default=0):.0f} ms, total {sum(during):.0f} ms"
    return ""


def nearest_rank(values, p):
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * p // 100) - 1)]


def edge_latency(work):
    """(kind, ms, fed_by) of each timed change, or [] when Varnish was left out."""
    path = os.path.join(work, "edge-latency.txt")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [(k, float(v), by) for k, v, by in (line.split() for line in f if line.strip())]


def cold(work, name):
    rows = []
    with open(os.path.join(work, f"cold-{name}.txt"), encoding="utf-8") as f:
        for line in f:
            status, seconds, size = line.split()
            rows.append((int(status), float(seconds) * 1000, int(size)))
    times = [t for _, t, _ in rows]
    return {"n": len(rows), "ok": sum(1 for s, _, _ in rows if s == 200), "p50": nearest_rank(times, 50),
            "p99": nearest_rank(times, 99), "kb": statistics.mean(size for _, _, size in rows) / 1024}


def sql(work, name):
    with open(os.path.join(work, f"sql-{name}.txt"), encoding="utf-8") as f:
        times = [float(line) for line in f if line.strip()]
    return statistics.median(times)


def sql_first(work, name):
    """The shape's first run in its session, or None (a run before this file existed)."""
    path = os.path.join(work, f"sql-{name}.first")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return float(f.read().strip() or "nan")


def cold_manage(work):
    with open(os.path.join(work, "manage.paths"), encoding="utf-8") as f:
        paths = [line.strip() for line in f]
    groups = {}
    with open(os.path.join(work, "cold-manage.txt"), encoding="utf-8") as f:
        for path, line in zip(paths, f):
            status, seconds, size = line.split()
            kind = ("review queue" if path.endswith("/queue") else "revision history pages" if "/revisions" in path
                    else "search (slug contains)" if "search=" in path
                    else "published list pages" if "state=" in path else "list pages")
            groups.setdefault(kind, []).append((int(status), float(seconds) * 1000, int(size)))
    return groups


def facts_file(work, name):
    found = {}
    path = os.path.join(work, name)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                key, _, value = line.strip().partition("=")
                found[key] = value
    return found


def main():
    work = sys.argv[1]
    facts = {}
    with open(os.path.join(work, "facts.txt"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            facts[key] = value

    rows = [("detail", "detail"), ("list A", "list1"), ("list B", "list2")]
    results = {}
    print()
    print(f"Sacrum delivery API against nginx serving the same JSON as static files")
    print(f"catalogue: {facts['exercises']} published exercises, {facts['conditions']} conditions (PostgreSQL); "
          f"wrk -t{facts['threads']} -c{facts['connections']} -d{facts['duration']} --latency after a {facts['warmup']} warm-up; "
          f"{os.cpu_count()} cores shared by wrk and the server")
    print(f"  detail  GET /api/v1/exercises/{{slug}}: {facts['detail']}")
    print(f"  list A  GET /api/v1/exercises?{facts['list1']}")
    print(f"  list B  GET /api/v1/exercises?{facts['list2']}")
    print(f"  uncached detail: {facts['cold_detail']}; uncached lists: {facts['cold_lists']}")
    print()
    header = f"{'scenario':<28} {'server':<22} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'KB/resp':>8} {'errors':>7}"
    print(header)
    print("-" * len(header))
    pauses = gc_pauses(work)
    for label, key in rows:
        for server, suffix in (("Sacrum", "sacrum"), ("nginx static files", "nginx")):
            r = results[f"{key}-{suffix}"] = wrk(work, f"{key}-{suffix}")
            gc = "  " + gc_during(work, f"{key}-{suffix}", pauses) if suffix == "sacrum" else ""
            print(f"{label if suffix == 'sacrum' else '':<28} {server:<22} {r['rps']:>9.0f} {r['p50']:>8.2f} "
                  f"{r['p99']:>8.2f} {r['kb']:>8.1f} {r['errors']:>7}{gc}")
        ratio = results[f"{key}-sacrum"]["rps"] / results[f"{key}-nginx"]["rps"]
        print(f"{'':<28} {'Sacrum / nginx':<22} {ratio * 100:>8.1f}%")
        if os.path.exists(os.path.join(work, f"wrk-{key}-container.txt")):
            r = results[f"{key}-container"] = wrk(work, f"{key}-container")
            print(f"{'':<28} {'Payara static file':<22} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} "
                  f"{r['kb']:>8.1f} {r['errors']:>7}  (reference: the container's own ceiling)")
            print(f"{'':<28} {'Payara static / nginx':<22} {r['rps'] / results[f'{key}-nginx']['rps'] * 100:>8.1f}%")
            if key == "detail":
                for n, (sacrum, static, share, s_cpu, c_cpu) in enumerate(container_pairs(work), 1):
                    cpu = f"   CPU µs/request {s_cpu:.1f} / {c_cpu:.1f}" if s_cpu and c_cpu else ""
                    print(f"{'':<28} {f'pair {n}: Sacrum / static':<22} {sacrum:>9.0f} / {static:.0f} = {share:.1%}{cpu}")
    cached = [(label, key) for label, key in rows if os.path.exists(os.path.join(work, f"wrk-{key}-cached.txt"))]
    if cached:
        print()
        for label, key in cached:
            r = results[f"{key}-cached"] = wrk(work, f"{key}-cached")
            print(f"{label:<28} {'Sacrum + front cache':<22} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} "
                  f"{r['kb']:>8.1f} {r['errors']:>7}")
    edged = [(label, key) for label, key in rows if os.path.exists(os.path.join(work, f"wrk-{key}-varnish.txt"))]
    if edged:
        print()
        for label, key in edged:
            r = results[f"{key}-varnish"] = wrk(work, f"{key}-varnish")
            print(f"{label:<28} {'Sacrum + Varnish':<22} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} "
                  f"{r['kb']:>8.1f} {r['errors']:>7}")
            print(f"{'':<28} {'Varnish / nginx':<22} {r['rps'] / results[f'{key}-nginx']['rps'] * 100:>8.1f}%")
    edge = edge_latency(work)
    if edge:
        print()
        print(f"{'a change to the edge serving it':<28} {'purge sent by':<22} {'count':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for kind in ("withdrawal", "publication"):
            times = [ms for k, ms, _ in edge if k == kind]
            if times:
                print(f"{kind + (' (detail, 410)' if kind == 'withdrawal' else ' (list total)'):<28} "
                      f"{'/'.join(sorted({f for k, _, f in edge if k == kind})):<22} {len(times):>9} "
                      f"{nearest_rank(times, 50):>8.1f} {nearest_rank(times, 99):>8.1f} {max(times):>8.1f}")
    print()
    print(f"{'uncached, one at a time':<28} {'':<22} {'count':>9} {'p50 ms':>8} {'p99 ms':>8} {'KB/resp':>8} {'non-200':>7}")
    colds = {}
    for label, key in (("detail, 500 other slugs", "detail"), ("detail include=, 500 others", "include"),
                       ("lists, 420 other queries", "lists")):
        c = colds[key] = cold(work, key)
        print(f"{label:<28} {'Sacrum':<22} {c['n']:>9} {c['p50']:>8.2f} {c['p99']:>8.2f} {c['kb']:>8.1f} {c['n'] - c['ok']:>7}"
              f"  {gc_during(work, f'cold-{key}', pauses)}")
    manage = cold_manage(work) if os.path.exists(os.path.join(work, "cold-manage.txt")) else {}
    for label, rows in manage.items():
        times = [t for _, t, _ in rows]
        print(f"{'manage: ' + label:<28} {'Sacrum':<22} {len(rows):>9} {nearest_rank(times, 50):>8.2f} "
              f"{nearest_rank(times, 99):>8.2f} {statistics.mean(z for _, _, z in rows) / 1024:>8.1f} "
              f"{sum(1 for s, _, _ in rows if s != 200):>7}")
    if manage:
        print(f"  (GC pauses during the management requests, all kinds: {gc_during(work, 'cold-manage', pauses)})")
    if "deep_history" in facts:
        print(f"  (revision history: {facts['deep_history']}, 100 a page)")
    print()
    print("database time of the SQL each list shape sends (EXPLAIN (ANALYZE, BUFFERS), page and count queries summed, ms):")
    print("  median of 5 in one session after an untimed first run, as on a connection of Sacrum's pool; (first run)")
    shapes = []
    with open(os.path.join(work, "sql-shapes.txt"), encoding="utf-8") as f:
        for line in f:
            name, _, query = line.rstrip("\n").partition("|")
            shapes.append((name, query, sql(work, name)))
            first = sql_first(work, name)
            first = f"({first:6.2f})" if first is not None else ""
            print(f"  {shapes[-1][2]:7.2f} {first:>8}  {name:<22} ?{query}")
    boot = facts_file(work, "boot.txt")
    if boot:
        print()
        print(f"time to ready: {boot.get('ready_empty', '?')} s on an empty database (first boot, seeding), "
              f"{boot.get('ready_full', '?')} s restarted on the full catalogue")
        if "settle_s" in boot:
            state = "quiet" if boot.get("settle_quiet") == "yes" else "NOT quiet (JIT_SETTLE_MAX reached)"
            print(f"JIT settling before the timed requests: {boot['settle_s']} s in {boot['settle_rounds']} rounds of 10 s, "
                  f"{state}; the last round compiled for {boot['settle_last_jit_s']} s")
        if "uncached_jit_s" in boot:
            print(f"JIT compiling during the uncached requests: {boot['uncached_jit_s']} s of compile time in their "
                  f"{boot['uncached_s']} s (one compiler thread busy the whole time would be {boot['uncached_s']} s)")
        if "heap_used_kb" in boot:
            print(f"heap after a full GC at the end of the load: {int(boot['heap_used_kb']) / 1024:.0f} MB "
                  f"(of {int(boot['heap_total_kb']) / 1024:.0f} MB committed)")

    print()
    detail = results["detail-sacrum"]["rps"] / results["detail-nginx"]["rps"]
    verdict = lambda ok: "PASS" if ok else "FAIL"
    print(f"target: detail reads at >= {DETAIL_TARGET:.0%} of nginx's throughput: Sacrum at {detail:.1%} "
          f"({results['detail-sacrum']['rps']:.0f} vs {results['detail-nginx']['rps']:.0f} req/s): {verdict(detail >= DETAIL_TARGET)}")
    for key in ("list1", "list2"):
        p99 = results[f"{key}-sacrum"]["p99"]
        print(f"target: filtered list p99 < {LIST_P99_TARGET_MS:.0f} ms under load, {dict(list1='list A', list2='list B')[key]}: "
              f"{p99:.2f} ms: {verdict(p99 < LIST_P99_TARGET_MS)}")
    p99 = colds["lists"]["p99"]
    print(f"target: filtered list p99 < {COLD_LIST_P99_TARGET_MS:.0f} ms uncached, one request at a time: "
          f"{p99:.2f} ms: {verdict(p99 < COLD_LIST_P99_TARGET_MS)}")
    p99 = colds["include"]["p99"]
    print(f"target: detail with include= p99 < {COLD_INCLUDE_P99_TARGET_MS:.0f} ms uncached: {p99:.2f} ms: "
          f"{verdict(p99 < COLD_INCLUDE_P99_TARGET_MS)}")
    slow = [(n, t) for n, _, t in shapes if t >= LIST_SQL_TARGET_MS]
    print(f"target: every list shape's database time < {LIST_SQL_TARGET_MS:.0f} ms: "
          + (f"{len(shapes)} shapes, worst {max(t for _, _, t in shapes):.2f} ms: PASS" if not slow
             else f"over it: {', '.join(f'{n} {t:.1f} ms' for n, t in slow)}: FAIL"))
    for label, rows in manage.items():
        p99 = nearest_rank([t for _, t, _ in rows], 99)
        print(f"target: management {label} p99 < {MANAGE_P99_TARGET_MS:.0f} ms, one request each: {p99:.2f} ms: "
              f"{verdict(p99 < MANAGE_P99_TARGET_MS and all(s == 200 for s, _, _ in rows))}")
    if "detail-container" in results:
        share = results["detail-sacrum"]["rps"] / results["detail-container"]["rps"]
        print(f"target: cached detail >= {CONTAINER_SHARE_TARGET:.0%} of Payara serving a static file: {share:.1%}: "
              f"{verdict(share >= CONTAINER_SHARE_TARGET)}")
        pairs = container_pairs(work)
        if pairs:
            shares = [share] + [p[2] for p in pairs]
            low, median, high = quartiles(shares)
            print(f"target: the same, median of the main run and {len(pairs)} back-to-back pairs "
                  f"({', '.join(f'{s:.1%}' for s in shares)}; quartiles {low:.1%} / {high:.1%}): {median:.1%}: "
                  f"{verdict(median >= CONTAINER_SHARE_TARGET)}")
            cpu = [c / s for _, _, _, s, c in pairs if s and c]
            if cpu:
                low, median, high = quartiles(cpu)
                print(f"  (not judged) the pairs' CPU time per request, static file / cached detail: median {median:.1%}, "
                      f"quartiles {low:.1%} / {high:.1%}")
    if "heap_used_kb" in boot:
        used = int(boot["heap_used_kb"]) / 1024
        print(f"target: heap after GC at steady state < {HEAP_TARGET_MB} MB: {used:.0f} MB: {verdict(used < HEAP_TARGET_MB)}")
    if "detail-cached" in results:
        share = results["detail-cached"]["rps"] / results["detail-nginx"]["rps"]
        print(f"Sacrum as deployed behind its front cache (deploy/nginx): detail reads at {share:.1%} of nginx static files: "
              f"{verdict(share >= DETAIL_TARGET)}")
    if "detail-varnish" in results:
        share = results["detail-varnish"]["rps"] / results["detail-nginx"]["rps"]
        print(f"target: cached detail reads through Varnish at >= {EDGE_DETAIL_TARGET:.0%} of nginx static files: "
              f"{share:.1%}: {verdict(share >= EDGE_DETAIL_TARGET)}")
    withdrawals = [ms for k, ms, _ in edge if k == "withdrawal"]
    if withdrawals:
        p99 = nearest_rank(withdrawals, 99)
        by = "/".join(sorted({f for k, _, f in edge if k == "withdrawal"}))
        print(f"target: a withdrawal gone from the edge within {EDGE_WITHDRAWAL_P99_MS:.0f} ms at p99 (purge sent by {by}): "
              f"{p99:.1f} ms over {len(withdrawals)}: {verdict(p99 < EDGE_WITHDRAWAL_P99_MS)}")
    print()
    print("the plans (EXPLAIN (ANALYZE, BUFFERS), the last of the 5 runs of each shape):")
    for name, query, _ in shapes:
        print(f"--- {name}: ?{query}")
        with open(os.path.join(work, f"sql-{name}.plan"), encoding="utf-8") as f:
            print(f.read().rstrip())


if __name__ == "__main__":
    main()
