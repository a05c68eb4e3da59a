#!/usr/bin/env python3
"""Writes SQL (COPY blocks) for a large synthetic catalogue of published sample exercises and conditions.

Each synthetic entry copies a real seeded revision (read from the database Sacrum seeded), with its own slug and
title and varied equipment, stages and topics, and gets the rows publishing creates: entry, revision, approval
(demo, like the seed's) and the delivery facets. Usage: catalogue.py EXERCISES CONDITIONS < seeded.tsv > catalogue.sql
where seeded.tsv has lines "TYPE<TAB>content-json" and the first line "demo-author-id<TAB>demo-clinician-id".
"""
import datetime
import hashlib
import json
import sys
import uuid

EQUIPMENT = ["none", "chair", "mat", "wall", "countertop", "resistance-band", "pillow"]
STAGES = ["trimester-1", "trimester-2", "trimester-3", "postpartum"]
TOPICS = ["low-back-pain", "si-joint-pain", "sciatica", "stretching", "strengthening", "mobility", "pelvic-pain"]


def copy_value(value):
    if value is None:
        return "\\N"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main():
    exercises, conditions = int(sys.argv[1]), int(sys.argv[2])
    author, clinician = sys.stdin.readline().rstrip("\n").split("\t")
    bases = {"EXERCISE": [], "CONDITION": []}
    for line in sys.stdin:
        kind, content = line.rstrip("\n").split("\t", 1)
        if kind in bases:
            bases[kind].append(json.loads(content))
    now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S")
    due = (datetime.date.today() + datetime.timedelta(days=365)).isoformat()
    entries, revisions, approvals, facets = [], [], [], []
    for kind, count in (("EXERCISE", exercises), ("CONDITION", conditions)):
        for i in range(count):
            content = dict(bases[kind][i % len(bases[kind])])
            content["slug"] = f"{content['slug']}-bench-{i}"
            content["title"] = f"{content['title']} (benchmark {i})"
            content["topics"] = sorted({content["topics"][0], TOPICS[i % len(TOPICS)]})
            if kind == "EXERCISE":
                content["equipment"] = sorted({EQUIPMENT[i % len(EQUIPMENT)], EQUIPMENT[(i // 7) % len(EQUIPMENT)]})
                content["stages"] = [{"stage": s} for s in STAGES[i % 3: i % 3 + 2]]
            canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            digest = hashlib.sha256(canonical.encode()).hexdigest()
            entry, approval = str(uuid.uuid4()), str(uuid.uuid4())
            entries.append([entry, kind, content["slug"], "en-GB", "PUBLISHED", "t", 1, 1, approval, approval, now, now, now, 1])
            revisions.append([str(uuid.uuid4()), entry, 1, canonical, digest, author, now, "benchmark catalogue", None])
            approvals.append([approval, entry, 1, digest, clinician, "Demo Clinician (demo account, not a clinician)",
                              "Demonstration account, no register DEMO-0000", "SAMPLE CONTENT: benchmark data, not clinically reviewed.",
                              "benchmark", now, due, "t"])
            values = {("topic", t) for t in content.get("topics", [])}
            values |= {("condition", c) for c in content.get("conditions", [])}
            values |= {("warning", w) for w in content.get("warnings", [])}
            if kind == "EXERCISE":
                values |= {("equipment", e) for e in content["equipment"]}
                values |= {("region", r) for r in content.get("bodyRegions", [])}
                values |= {("stage", s["stage"]) for s in content["stages"]}
            else:
                values |= {("condition", d["condition"]) for d in content.get("differentials", [])}
            facets.extend([entry, name, value] for name, value in sorted(values))
    blocks = [
        ("entry (id, content_type, slug, locale, state, sample, latest_revision, published_revision, approval_id, "
         "published_approval_id, created_at, updated_at, published_at, version)", entries),
        ("revision (id, entry_id, number, content, content_hash, author_id, created_at, change_note, restored_from)", revisions),
        ("approval (id, entry_id, revision_number, content_hash, reviewer_id, printed_name, credential, attestation, "
         "signature_meaning, approved_at, next_review_due, demo)", approvals),
        ("entry_facet (entry_id, name, val)", facets),
    ]
    out = sys.stdout
    out.write("BEGIN;\n")
    for table, rows in blocks:
        out.write(f"COPY {table} FROM stdin;\n")
        for row in rows:
            out.write("\t".join(copy_value(v) for v in row) + "\n")
        out.write("\\.\n")
    out.write("COMMIT;\nVACUUM ANALYZE;\n")


if __name__ == "__main__":
    main()
