#!/usr/bin/env python3
"""Summarises a JFR recording of Sacrum under load (run.sh with PROFILE=true): where the CPU samples fell.

Each execution sample goes to the category of the innermost frame (nearest the leaf) that belongs to a known
component, so JDK code counts for whoever called it: the ServiceLoader scan a log line triggers counts as
"request log line". Then the top leaf frames and the Sacrum methods on the stack (inclusive). Usage: profile.py SAMPLES.json (jfr print --json output).
"""
import collections
import json
import sys

CATEGORIES = [
    ("request log line (RequestLog)", ["org.sacrum.platform.RequestLog"]),
    ("response cache (ResponseCache, JCache/Hazelcast)", ["org.sacrum.delivery.ResponseCache", "com.hazelcast."]),
    ("authentication and authorisation (JASPIC, Soteria, JACC)",
     ["org.sacrum.identity.", "com.sun.web.security.", "org.glassfish.soteria.", "com.sun.enterprise.security."]),
    ("request tracing / monitoring (Payara)", ["fish.payara.nucleus.requesttracing.", "fish.payara.opentracing.",
                                               "fish.payara.telemetry.", "fish.payara.microprofile.metrics."]),
    ("CDI and EJB proxies, injection, contexts (Weld, EJB container)", ["org.jboss.weld.", "com.sun.ejb."]),
    ("other Sacrum code", ["org.sacrum."]),
    ("JAX-RS (Jersey, HK2)", ["org.glassfish.jersey.", "org.jvnet.hk2.", "org.glassfish.hk2."]),
    ("servlet container and HTTP (Catalina, Grizzly)", ["org.apache.catalina.", "com.sun.enterprise.web.",
                                                         "org.glassfish.grizzly."]),
]


def category_of(name):
    if "$Proxy$_$$_Weld" in name:  # Weld's client proxies carry the proxied bean's package
        return CATEGORIES[4][0]
    return next((label for label, markers in CATEGORIES if any(name.startswith(m) for m in markers)), None)


def frames(event):
    stack = event["values"].get("stackTrace") or {}
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in stack.get("frames", [])]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        events = json.load(f)["recording"]["events"]
    if not events:
        print("  no samples")
        return
    categories, leaves, sacrum = collections.Counter(), collections.Counter(), collections.Counter()
    for event in events:
        names = frames(event)
        thread = (event["values"].get("sampledThread") or {}).get("javaName") or "?"
        category = next((category_of(name) for name in names if category_of(name)), None)
        if category is None:
            category = "other threads: " + thread.rstrip("0123456789-() ") if "http-thread-pool" not in thread \
                else "other request-thread work (JDK, I/O)"
        categories[category] += 1
        if names:
            leaves[names[0]] += 1
        for name in set(n for n in names if n.startswith("org.sacrum.")):
            sacrum[name] += 1
    total = len(events)
    print(f"  {total} samples")
    for label, count in categories.most_common():
        print(f"  {count / total:6.1%}  {label}")
    print("  top leaf frames:")
    for name, count in leaves.most_common(12):
        print(f"  {count / total:6.1%}  {name}")
    print("  Sacrum methods on the stack (inclusive):")
    for name, count in sacrum.most_common(10):
        print(f"  {count / total:6.1%}  {name}")


if __name__ == "__main__":
    main()
