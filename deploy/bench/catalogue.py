#!/usr/bin/env python3
"""Writes SQL (COPY blocks) for a large synthetic catalogue of published sample exercises and conditions.

Each synthetic entry is a copy of a real revision that Sacrum's first-boot seed published, with its own slug and
title and varied equipment, stages and topics, and it gets the rows publishing creates, shaped like the seeded
ones: entry (PUBLISHED, sample, revision 1 published, approval ids set), revision (canonical JSON and its SHA-256),
a demo approval (reviewer, printed name, credential, attestation and signature meaning copied from a real seeded
approval), the delivery facets that org.sacrum.delivery.FacetIndex would write and the entry_search row (q's words)
that org.sacrum.delivery.control.SearchIndex would write.

Before writing anything it checks its assumptions against the real rows: that re-serialising a seeded revision
gives the exact stored text (so the copies are canonical like Sacrum's own) and that the facets it derives for
every seeded exercise and condition are exactly the ones Sacrum indexed, and so are the search words it derives (the
words of SearchText, mirrored below). If FacetIndex or SearchText changes, this fails loudly instead of benchmarking
filters or q over a wrong index.

Usage: catalogue.py EXERCISES CONDITIONS DIR [DEEP REVISIONS] > catalogue.sql (the first DEEP exercises get REVISIONS
revisions each, the last one published), where DIR holds (written by run.sh with psql):
  approval.json  one seeded approval row as JSON
  revision.json  one seeded revision row as JSON (its author is reused)
  seeded.tsv     entry id, content type, content hash, published revision content: one seeded entry a line
  facets.tsv     entry id, facet name, facet value, tags (\\N for NULL): the seeded entry_facet rows
  search.tsv     entry id, words: the seeded entry_search rows
  ids.tsv        content type, locale, facet name, facet value, id: the seeded facet_count rows' ids (V15); the copies'
                 new values get the ids after them, and the seeded rows' tags are checked against these
"""
import datetime
import hashlib
import json
import os
import sys
import unicodedata
import uuid

# Values the synthetic copies cycle through (all valid: Equipment and Stage enums, content-model/topics.json).
EQUIPMENT = ["none", "chair", "mat", "wall", "countertop", "resistance-band", "pillow"]
STAGES = ["trimester-1", "trimester-2", "trimester-3", "postpartum"]
STAGE_WINDOWS = [(0, 4), (0, 2), (1, 3), (1, 4), (2, 4)]  # which consecutive stages an exercise suits
TOPICS = ["low-back-pain", "si-joint-pain", "sciatica", "stretching", "strengthening", "mobility", "pelvic-pain"]


def canonical(content):
    # Sacrum writes content with Yasson: properties in lexicographic order, no nulls, no whitespace, UTF-8.
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def read_parents():
    """content-model/topics.json as child -> parent (what Facets.listed derives topic-within rows from)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "content-model", "topics.json")
    with open(path, encoding="utf-8") as f:
        topics = json.load(f)
    topics = topics if isinstance(topics, list) else topics["topics"]
    return {t["slug"]: t.get("parent") for t in topics}


PARENTS = read_parents()
MAX_TAGS = 1500  # Facets.MAX_TAGS


def within(topic):
    """The topic and every ancestor of it."""
    found = []
    while topic is not None and topic not in found:
        found.append(topic)
        topic = PARENTS.get(topic)
    return found


def tags(values, id_of):
    """The facet set every listing row of the entry carries as facet_count ids, ' 12 45 78 ' in numeric order
    (Facets.tags, V15); None when too long to carry. id_of(name, value) gives a value's id."""
    text = " " + "".join(f"{i} " for i in sorted({id_of(n, v) for n, v in values if n not in ("*", "topic")}))
    return text if len(text) <= MAX_TAGS else None


class FacetIds:
    """facet_count's ids per (content type, locale, name, value): Sacrum's own for the seeded values, the next free
    ones (in first-use order) for values only the copies have."""

    def __init__(self, seeded):
        self.ids = dict(seeded)
        self.added = []
        self.next = max(self.ids.values(), default=0) + 1

    def of(self, kind, locale):
        def id_of(name, value):
            key = (kind, locale, name, value)
            if key not in self.ids:
                self.ids[key] = self.next
                self.added.append((self.next,) + key)
                self.next += 1
            return self.ids[key]
        return id_of

    def seeded(self, kind, locale):
        """Only Sacrum's ids: a seeded entry's value without a facet_count row is a problem, not a new id."""
        def id_of(name, value):
            return self.ids[(kind, locale, name, value)]
        return id_of


def facets(kind, content):
    """The (name, value) pairs Facets.listed(content) gives for an exercise or a condition."""
    values = {("*", "*")}  # every published entry's listing row (V11)
    values |= {("topic", t) for t in content.get("topics") or []}
    values |= {("topic-within", w) for t in content.get("topics") or [] for w in within(t)}  # V15
    # links(): an exercise links conditions and warnings; a condition links look-alike conditions and warnings
    values |= {("warning", w) for w in content.get("warnings") or []}
    if kind == "EXERCISE":
        values |= {("condition", c) for c in content.get("conditions") or []}
        values |= {("equipment", e) for e in content.get("equipment") or []}
        values |= {("region", r) for r in content.get("bodyRegions") or []}
        values |= {("stage", s["stage"]) for s in content.get("stages") or [] if s and s.get("stage")}
    elif kind == "CONDITION":
        values |= {("condition", d["condition"]) for d in content.get("differentials") or [] if d and d.get("condition")}
    else:
        raise ValueError(kind)
    return values


# org.sacrum.delivery.control.SearchText: lower-case, NFC, runs of letters and digits (combining marks stay inside a
# word), words cut at MAX_WORD code points, an entry's distinct words (slug first, then every string value in the
# canonical JSON's order) joined by one space up to MAX_TEXT UTF-16 units
MAX_WORD, MAX_TEXT = 64, 100_000
LETTER_OR_DIGIT = {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd"}
MARK = {"Mn", "Mc", "Me"}


def words(text):
    found, word = [], []
    length = 0
    for c in unicodedata.normalize("NFC", text.lower()):
        category = unicodedata.category(c)
        if category in LETTER_OR_DIGIT or (word and category in MARK):
            if length < MAX_WORD:
                word.append(c)
            length += 1
        elif word:
            found.append("".join(word))
            word, length = [], 0
    if word:
        found.append("".join(word))
    return found


def search_words(slug, content):
    distinct = dict.fromkeys(words(slug))

    def collect(value):
        if isinstance(value, str):
            distinct.update(dict.fromkeys(words(value)))
        elif isinstance(value, dict):
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    collect(content)
    text, units = [], 0
    for word in distinct:
        size = len(word.encode("utf-16-le")) // 2
        if units + (1 if text else 0) + size > MAX_TEXT:  # Java: text.length() + 1 + word.length() > MAX_TEXT
            break
        units += (1 if text else 0) + size
        text.append(word)
    return " ".join(text)


def copy_value(value):
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def read_seed(folder):
    with open(os.path.join(folder, "approval.json"), encoding="utf-8") as f:
        approval = json.load(f)
    with open(os.path.join(folder, "revision.json"), encoding="utf-8") as f:
        revision = json.load(f)
    seeded_ids = {}
    with open(os.path.join(folder, "ids.tsv"), encoding="utf-8") as f:
        for line in f:
            kind, locale, name, value, i = line.rstrip("\n").split("\t")
            seeded_ids[(kind, locale, name, value)] = int(i)
    ids = FacetIds(seeded_ids)
    indexed, carried = {}, {}
    with open(os.path.join(folder, "facets.tsv"), encoding="utf-8") as f:
        for line in f:
            entry, name, value, row_tags = line.rstrip("\n").split("\t")
            indexed.setdefault(entry, set()).add((name, value))
            carried.setdefault(entry, set()).add(None if row_tags == "\\N" else row_tags)
    searched = {}
    with open(os.path.join(folder, "search.tsv"), encoding="utf-8") as f:
        for line in f:
            entry, text = line.rstrip("\n").split("\t", 1)
            searched[entry] = text
    bases = {"EXERCISE": [], "CONDITION": []}
    problems = []
    with open(os.path.join(folder, "seeded.tsv"), encoding="utf-8") as f:
        for line in f:
            entry, kind, content_hash, text = line.rstrip("\n").split("\t", 3)
            if kind not in bases:
                continue
            content = json.loads(text)
            if canonical(content) != text:
                problems.append(f"{kind} {content['slug']}: re-serialised JSON differs from the stored revision")
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != content_hash:
                problems.append(f"{kind} {content['slug']}: content_hash is not the SHA-256 of the content")
            derived, real = facets(kind, content), indexed.get(entry, set())
            if derived != real:
                problems.append(f"{kind} {content['slug']}: facets differ from Sacrum's index: "
                                f"only derived {sorted(derived - real)}, only indexed {sorted(real - derived)}")
            else:
                try:
                    expected = tags(derived, ids.seeded(kind, content.get("locale", "en-GB")))
                except KeyError as missing:
                    expected = f"no facet_count row for {missing}"
                if carried.get(entry) != {expected}:
                    problems.append(f"{kind} {content['slug']}: its rows' tags {sorted(carried.get(entry), key=str)} are not "
                                    f"the derived {expected!r}")
            derived_words, real_words = search_words(content["slug"], content), searched.get(entry)
            if derived_words != real_words:
                problems.append(f"{kind} {content['slug']}: search words differ from Sacrum's entry_search row: "
                                f"derived {derived_words[:200]!r}, indexed {(real_words or '(no row)')[:200]!r}")
            bases[kind].append(content)
    for kind, found in bases.items():
        if not found:
            problems.append(f"no seeded {kind} to copy")
    if problems:
        sys.exit("catalogue.py: the seeded rows do not look as expected:\n  " + "\n  ".join(problems))
    return approval, revision, bases, ids


def main():
    exercises, conditions, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    # DEEP entries (the first exercises) get REVISIONS revisions each: a long editorial history, the last one published
    deep, depth = (int(sys.argv[4]), int(sys.argv[5])) if len(sys.argv) > 5 else (0, 1)
    approval_template, revision_template, bases, ids = read_seed(folder)
    started = datetime.datetime.now(datetime.timezone.utc)
    entries, revisions, approvals, facet_rows, search_rows = [], [], [], [], []
    for kind, count in (("EXERCISE", exercises), ("CONDITION", conditions)):
        for i in range(count):
            # each copy published a second after the one before, as a catalogue grows: sorts by publication (and their
            # cursors) meet distinct instants, not 100,000 ties
            now = (started - datetime.timedelta(seconds=count - i)).strftime("%Y-%m-%d %H:%M:%S.%f")
            base = bases[kind][i % len(bases[kind])]
            content = json.loads(json.dumps(base))  # a deep copy
            content["slug"] = f"{base['slug']}-bench-{i}"
            content["title"] = f"{base['title']} (benchmark {i})"
            content["topics"] = sorted({base["topics"][0], TOPICS[(i // 3) % len(TOPICS)]})
            if kind == "EXERCISE":
                content["equipment"] = sorted({EQUIPMENT[i % len(EQUIPMENT)], EQUIPMENT[(i // 7) % len(EQUIPMENT)]})
                notes = {s["stage"]: s for s in base.get("stages") or []}
                start, end = STAGE_WINDOWS[i % len(STAGE_WINDOWS)]
                content["stages"] = [notes.get(stage, {"stage": stage}) for stage in STAGES[start:end]]
            text = canonical(content)
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            entry, approval = str(uuid.uuid4()), str(uuid.uuid4())
            locale = content.get("locale", "en-GB")
            n = depth if kind == "EXERCISE" and i < deep else 1
            entries.append([entry, kind, content["slug"], locale, "PUBLISHED", True,
                            n, n, approval, approval, now, now, now, n])
            for number in range(1, n + 1):
                revisions.append([str(uuid.uuid4()), entry, number, text, digest, revision_template["author_id"], now,
                                  "Benchmark copy of " + base["slug"] + ("" if number == 1 else f", edit {number}"), None])
            a = approval_template
            approvals.append([approval, entry, n, digest, a["reviewer_id"], a["printed_name"], a["credential"],
                              a["attestation"], a["signature_meaning"], now, a["next_review_due"], True])
            listed = facets(kind, content)
            facet_rows.extend([entry, name, value, kind, locale, content["slug"], now, tags(listed, ids.of(kind, locale))]
                              for name, value in sorted(listed))
            search_rows.append([entry, kind, locale, content["slug"], now, search_words(content["slug"], content)])
    blocks = [
        ("entry (id, content_type, slug, locale, state, sample, latest_revision, published_revision, approval_id, "
         "published_approval_id, created_at, updated_at, published_at, version)", entries),
        ("revision (id, entry_id, number, content, content_hash, author_id, created_at, change_note, restored_from)",
         revisions),
        ("approval (id, entry_id, revision_number, content_hash, reviewer_id, printed_name, credential, attestation, "
         "signature_meaning, approved_at, next_review_due, demo)", approvals),
        ("entry_facet (entry_id, name, val, content_type, locale, slug, published_at, tags)", facet_rows),
        ("entry_search (entry_id, content_type, locale, slug, published_at, words)", search_rows),
    ]
    out = sys.stdout
    out.write("BEGIN;\n")
    for table, rows in blocks:
        out.write(f"COPY {table} FROM stdin;\n")
        for row in rows:
            out.write("\t".join(copy_value(v) for v in row) + "\n")
        out.write("\\.\n")
    # the copies' new values with the ids their rows' tags carry (Sacrum's rows keep theirs), the identity past them,
    # and the published entries per facet value, as FacetIndex maintains them (run.sh checked Sacrum's own counts first)
    out.write("CREATE TEMP TABLE bench_facet_id (id BIGINT, content_type VARCHAR(32), locale VARCHAR(16), name VARCHAR(32),"
              " val VARCHAR(120)) ON COMMIT DROP;\nCOPY bench_facet_id FROM stdin;\n")
    for row in ids.added:
        out.write("\t".join(copy_value(v) for v in row) + "\n")
    out.write("\\.\n")
    out.write("INSERT INTO facet_count (id, content_type, locale, name, val, total) SELECT id, content_type, locale, name, val, 0"
              " FROM bench_facet_id;\n"
              "SELECT setval(pg_get_serial_sequence('facet_count', 'id'), (SELECT MAX(id) FROM facet_count));\n"
              "UPDATE facet_count c SET total = n.total FROM (SELECT content_type, locale, name, val, COUNT(*) AS total"
              " FROM entry_facet GROUP BY content_type, locale, name, val) n WHERE n.content_type = c.content_type"
              " AND n.locale = c.locale AND n.name = c.name AND n.val = c.val;\n")
    out.write("COMMIT;\nVACUUM ANALYZE;\n")


if __name__ == "__main__":
    main()
