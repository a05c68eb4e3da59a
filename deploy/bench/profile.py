#!/usr/bin/env python3
"""Where a cached detail read spends its CPU, against the container's static file (run.sh with PROFILE=true).

Reads two async-profiler recordings in collapsed form (one line per distinct stack, frames leaf-last, then the
sample count; one sample per millisecond of CPU time of Sacrum's JVM, every thread) and the number of requests each
run answered, and prints CPU microseconds per request: in total, by component, and the frames whose inclusive time
differs most between the two. Each sample goes to the component of the innermost frame (nearest the leaf) that
belongs to a known one, so JDK code counts for whoever called it (the log handler's file write counts as the
request log). Usage: profile.py SACRUM.collapsed SACRUM_REQUESTS CONTAINER.collapsed CONTAINER_REQUESTS [WORK_DIR]

The profiler costs CPU itself, and its samples need not add up to the CPU time the JVM reports, so the figures are
shares more than absolutes: with WORK_DIR (run.sh's), it also prints the profiled runs' rate and CPU time per request
as /proc measured them (cpu.txt) beside the unprofiled pairs' medians.
"""
import collections
import statistics
import sys

COMPONENTS = [
    ("request log (RequestLog and the log handler it calls)", ["org/sacrum/platform/boundary/RequestLog"]),
    ("response cache (ResponseCache, Caffeine, JCache/Hazelcast)",
     ["org/sacrum/delivery/control/ResponseCache", "com/github/benmanes/caffeine/", "com/hazelcast/"]),
    ("Sacrum's cached-read filter (key, headers, body)", ["org/sacrum/delivery/"]),
    ("authentication and authorisation (JASPIC, Soteria, JACC, Sacrum's mechanism)",
     ["org/sacrum/identity/", "com/sun/web/security/", "org/glassfish/soteria/", "com/sun/enterprise/security/",
      "org/glassfish/exousia/", "com/sun/jaspic/"]),
    ("CDI proxies and contexts (Weld)", ["org/jboss/weld/"]),
    ("other Sacrum code (security headers, ...)", ["org/sacrum/"]),
    ("static file (DefaultServlet)", ["org/apache/catalina/servlets/DefaultServlet"]),
    ("JAX-RS (Jersey, HK2)", ["org/glassfish/jersey/", "org/jvnet/hk2/", "org/glassfish/hk2/"]),
    ("servlet container and HTTP (Catalina, Grizzly)",
     ["org/apache/catalina/", "com/sun/enterprise/web/", "com/sun/enterprise/v3/services/", "org/glassfish/grizzly/"]),
    ("JIT compiler", ["CompileBroker::", "C2Compiler::", "Compilation::", "Compile::"]),
    ("garbage collector", ["G1", "GCTaskThread", "WorkerThread::"]),
]


def component_of(frame):
    if "$Proxy$_$$_Weld" in frame:  # Weld's client proxies carry the proxied bean's package
        return COMPONENTS[4][0]
    return next((label for label, markers in COMPONENTS if any(frame.startswith(m) for m in markers)), None)


def read(path):
    stacks = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if stack and count.isdigit():
                stacks.append((stack.split(";"), int(count)))
    return stacks


def per_request(stacks, requests):
    components, inclusive = collections.Counter(), collections.Counter()
    for frames, count in stacks:
        component = next((c for c in map(component_of, reversed(frames)) if c), None) or "other (JDK, kernel, other threads)"
        components[component] += count
        for frame in set(frames):
            inclusive[frame] += count
    scale = 1000.0 / max(requests, 1)  # one sample is 1 ms = 1000 µs of CPU
    return {k: v * scale for k, v in components.items()}, {k: v * scale for k, v in inclusive.items()}, \
        sum(c for _, c in stacks) * scale


def main():
    sacrum, container = read(sys.argv[1]), read(sys.argv[3])
    s_req, c_req = int(sys.argv[2]), int(sys.argv[4])
    s_comp, s_incl, s_total = per_request(sacrum, s_req)
    c_comp, c_incl, c_total = per_request(container, c_req)
    print(f"  CPU µs per request (all of Sacrum's JVM; {s_req} and {c_req} requests)   cached detail   static file")
    print(f"  {'total':70s} {s_total:9.1f} {c_total:13.1f}")
    for label in sorted(set(s_comp) | set(c_comp), key=lambda k: -max(s_comp.get(k, 0), c_comp.get(k, 0))):
        print(f"  {label[:70]:70s} {s_comp.get(label, 0):9.1f} {c_comp.get(label, 0):13.1f}")
    frames = set(s_incl) | set(c_incl)
    diff = sorted(frames, key=lambda k: s_incl.get(k, 0) - c_incl.get(k, 0))
    print("  frames costing the detail read most over the static file (inclusive µs per request):")
    for frame in reversed(diff[-12:]):
        print(f"  {s_incl.get(frame, 0):7.1f} {c_incl.get(frame, 0):7.1f}  {frame[:110]}")
    print("  and the static file over the detail read:")
    for frame in diff[:6]:
        print(f"  {s_incl.get(frame, 0):7.1f} {c_incl.get(frame, 0):7.1f}  {frame[:110]}")
    if len(sys.argv) > 5:
        measured(sys.argv[5], s_total, c_total)


def measured(work, s_profiled, c_profiled):
    """The profiled runs as measured without the profiler's view: req/s and /proc CPU per request, and the pairs'."""
    import report  # run.sh's report, next to this file
    pairs = report.container_pairs(work)  # (Sacrum req/s, static req/s, share, Sacrum µs, static µs) each
    lines = []
    for side, name, rate, cpu_at, profiled in (("cached detail", "sacrum", 0, 3, s_profiled),
                                               ("static file", "container", 1, 4, c_profiled)):
        run = report.wrk(work, f"profiled-{name}")
        cpu = report.cpu_per_request(work, f"profiled-{name}", run["requests"])
        cpus = [p[cpu_at] for p in pairs if p[cpu_at]]
        if cpu is None or not cpus:
            return  # an older work folder, without cpu.txt
        lines.append(f"  {side:<14} profiled {run['rps']:>8.0f} req/s, {cpu:6.1f} µs (the samples say {profiled:.1f});"
                     f"  unprofiled {statistics.median(p[rate] for p in pairs):>8.0f} req/s, {statistics.median(cpus):6.1f} µs")
    print("  the profiled runs as measured (req/s; CPU µs per request from /proc, all threads), against the"
          " unprofiled pairs' medians:")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
