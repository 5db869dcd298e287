#!/usr/bin/env python3
"""Builds the seed corpus of each fuzz target from the repository's own fixtures and tests and
from ../shared/conformance/feedparser (docs/reliability.md, "Fuzzing").

    seeds.py OUT_DIR            writes OUT_DIR/<target>/<sha1> files, one input each

Seeds are derived, never committed: the fixtures they come from are. String literals are read
out of the Swift tests (plain and triple-quoted), so every case a test names is a starting point.
"""
import hashlib
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONFORMANCE = os.path.join(os.path.dirname(ROOT), "shared", "conformance", "feedparser")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def swift_literals(path):
    """String literals of a Swift file: triple-quoted blocks (indentation removed) and plain ones."""
    text = read(path).decode("utf-8", "replace")
    out = []
    for m in re.finditer(r'"""\n(.*?)\n([ \t]*)"""', text, re.S):
        indent = m.group(2)
        lines = [l[len(indent):] if l.startswith(indent) else l for l in m.group(1).split("\n")]
        out.append("\n".join(lines))
    text = re.sub(r'"""\n.*?\n[ \t]*"""', "", text, flags=re.S)
    for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', text):
        s = m.group(1)
        s = s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
        out.append(s)
    return [s for s in out if s]


def conformance_files():
    if not os.path.isdir(CONFORMANCE):
        print(f"seeds: {CONFORMANCE} not found; conformance seeds skipped", file=sys.stderr)
        return []
    files = []
    for d, _, names in os.walk(CONFORMANCE):
        for n in names:
            if n.endswith((".xml", ".json", ".rss", ".atom", ".rdf")) and n not in ("manifest.json", "date_parser_cases.json"):
                files.append(os.path.join(d, n))
    return sorted(files)


def tests(module, *names):
    base = os.path.join(ROOT, "Tests", module)
    paths = [os.path.join(base, n) for n in names] if names else \
        [os.path.join(base, n) for n in sorted(os.listdir(base)) if n.endswith(".swift")]
    out = []
    for p in paths:
        out += swift_literals(p)
    return out


DATE_TAGS = re.compile(rb"<(?:[a-z]+:)?(pubDate|updated|published|modified|issued|created|date|lastBuildDate|expirationDate)[^>]*>([^<]{1,80})<", re.I)
TEXT_TAGS = re.compile(rb"<(?:[a-z]+:)?(description|summary|content|title|subtitle|encoded|tagline|info)[^>]*>(.{1,4000}?)</", re.I | re.S)


def build(out):
    seeds = {t: [] for t in ("feedparser", "dates", "htmltext", "entities", "rules", "config")}
    conf = conformance_files()
    samples = os.path.join(ROOT, "config", "samples")
    for n in sorted(os.listdir(samples)):
        if n.endswith(".xml"):
            seeds["feedparser"].append(read(os.path.join(samples, n)))
    for p in conf:
        data = read(p)
        seeds["feedparser"].append(data)
        for m in DATE_TAGS.finditer(data):
            seeds["dates"].append(m.group(2).strip())
        for m in TEXT_TAGS.finditer(data):
            body = m.group(2)
            if body.startswith(b"<![CDATA["):
                body = body[9:].split(b"]]>")[0]
            seeds["htmltext"].append(html.unescape(body.decode("utf-8", "replace")).encode())
    dates = os.path.join(CONFORMANCE, "dates", "date_parser_cases.json")
    if os.path.exists(dates):
        for case in json.load(open(dates, encoding="utf-8"))["cases"]:
            seeds["dates"].append(case["input"].encode())
    seeds["dates"] += [s.encode() for s in tests("FeedParsingTests", "DateParserTests.swift")]
    seeds["htmltext"] += [s.encode() for s in tests("FeedParsingTests", "HTMLTextTests.swift")]

    letters = [read(os.path.join(samples, n)) for n in sorted(os.listdir(samples)) if n.endswith(".txt")]
    labelled = json.load(open(os.path.join(ROOT, "Tests", "WatchingTests", "Fixtures", "labelled-cases.json"), encoding="utf-8"))
    case_texts = []
    for case in labelled.get("cases", []):
        case_texts.append(" ".join(str(case.get(k, "")) for k in ("title", "summary", "content", "text")).strip())
    seeds["entities"] += letters + [t.encode() for t in case_texts if t]
    seeds["entities"] += [s.encode() for s in tests("EntitiesTests") if " " in s]

    formulas = [s for s in tests("WatchingTests", "RuleParserTests.swift", "RuleFieldsAndNearTests.swift")]
    watchlists = os.path.join(ROOT, "config", "watchlists.d")
    for n in sorted(os.listdir(watchlists)):
        text = read(os.path.join(watchlists, n)).decode()
        formulas += [m.group(1) for m in re.finditer(r"when:\s*'([^']*)'", text)]
        seeds["config"].append(text.encode())
    texts = case_texts[:20] or ["Vladimir Putin announced sanctions."]
    for i, f in enumerate(formulas):
        seeds["rules"].append((f + "\n" + texts[i % len(texts)]).encode())

    for n in sorted(os.listdir(os.path.join(ROOT, "config"))):
        if n.endswith(".yaml"):
            seeds["config"].append(read(os.path.join(ROOT, "config", n)))
    seeds["config"] += [s.encode() for s in tests("DaemonTests", "ConfigLoaderTests.swift") if ":" in s]

    for target, items in seeds.items():
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        kept = 0
        for data in items:
            if not data:
                continue
            name = hashlib.sha1(data).hexdigest()
            path = os.path.join(d, name)
            if not os.path.exists(path):
                with open(path, "wb") as f:
                    f.write(data)
                kept += 1
        print(f"seeds: {target}: {kept} new, {len(os.listdir(d))} in {d}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    build(sys.argv[1])
