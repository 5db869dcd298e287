#!/usr/bin/env python3
"""Stress corpus for feedwatch's CentralEuropeanGuess (undeclared RSS, not UTF-8).

    swift build -c release --static-swift-stdlib && python3 scripts/encoding-stress/stress.py
    python3 scripts/encoding-stress/stress.py summary     # again from the saved results

Builds 412 documents in $OUTDIR (default /tmp/feedwatch-encoding-stress): 15 Western
languages in windows-1252 and ISO-8859-1, 7 Central European ones in windows-1250 and
ISO-8859-2, Turkish and Baltic, from single headlines to 30 KB, some heavy in symbols, and
probes with units, footnotes and means. Runs $FEEDWATCH (default .build/release/feedwatch)
`parse --json` on each and compares the reported encoding and the entries' text with the
original. What counts is "Western failures" (must be empty) and the per-language table.

The "port" columns re-compute misfits with a Python copy of the rule as it was at b0aa151
(before ³ ¹ ± after letters stopped counting and è before vowels started): they explain
firings, they do not decide anything; disagreements with the binary are expected.
The paragraphs in texts.py were written for this corpus (docs/conformance.md has the results)."""
import json, os, random, subprocess, sys, unicodedata
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from texts import L

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("FEEDWATCH", os.path.join(ROOT, ".build/release/feedwatch"))
OUT = os.environ.get("OUTDIR", "/tmp/feedwatch-encoding-stress")
WESTERN = ["de", "fr", "es", "pt", "it", "nl", "da", "sv", "no", "fi", "is", "ca", "en", "ga", "et"]
CE = ["pl", "cs", "sk", "hr", "sl", "hu", "ro"]
PLAN = [(l, e) for l in WESTERN for e in ("cp1252", "latin-1")] + [("et", "cp1257")] \
    + [("tr", "cp1254"), ("tr", "iso-8859-9")] + [("lt", "cp1257"), ("lv", "cp1257")] \
    + [(l, e) for l in CE for e in ("cp1250", "iso-8859-2")]
RIGHT = {"cp1252": "windows-1252", "latin-1": "windows-1252", "cp1250": "windows-1250",
         "iso-8859-2": "iso-8859-2", "cp1254": "windows-1254", "iso-8859-9": "iso-8859-9", "cp1257": "windows-1257"}
ASCIIFY = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def adapt(text, enc):
    """What a CMS in this code page would have written: ISO pages have no typographic quotes."""
    return text.translate(ASCIIFY) if enc.startswith(("latin", "iso")) else text


def make_items(lang, variant, rng):
    d = L[lang]
    heads, body, sym = d["heads"], d["body"], d["sym"]
    def para(nb, ns):
        parts = rng.sample(body, min(nb, len(body))) + [rng.choice(body) for _ in range(max(0, nb - len(body)))]
        for _ in range(ns):
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(sym))
        return " ".join(parts)
    if variant == "headline":
        nonascii = [h for h in heads if any(ord(c) > 127 for c in h)] or heads
        return [(rng.choice(nonascii), None)]
    if variant == "short":
        return [(rng.choice(heads), para(1, 0)) for _ in range(3)]
    if variant == "medium-sym":
        return [(rng.choice(heads), para(2, rng.random() < 0.5)) for _ in range(8)]
    if variant == "sym-heavy":
        return [(rng.choice(heads), para(1, 2)) for _ in range(rng.randint(2, 4))]
    if variant == "long":
        return [(rng.choice(heads), para(6, 0)) for _ in range(20)]
    if variant == "long-sym":
        return [(rng.choice(heads), para(6, 1)) for _ in range(20)]
    n = rng.randint(1, 20)  # random
    return [(rng.choice(heads), para(rng.randint(1, 5), rng.choice([0, 0, 1, 2]))) for _ in range(n)]


VARIANTS = ["headline", "short", "medium-sym", "sym-heavy", "long", "long-sym", "random", "random"]


def build(lang, enc, variant, idx, rng):
    items = [(adapt(t, enc), adapt(s, enc) if s is not None else None) for t, s in make_items(lang, variant, rng)]
    parts = ['<rss version="2.0"><channel><title>News ' + lang + '</title><link>https://example.com/</link>'
             '<description>Feed</description>']
    for i, (t, s) in enumerate(items):
        parts.append("\n<item><title>%s</title><link>https://example.com/%s/%d/%d</link>" % (esc(t), lang, idx, i))
        if s is not None:
            parts.append("<description>%s</description>" % esc(s))
        parts.append("<pubDate>Mon, 0%d Mar 2026 10:%02d:00 +0000</pubDate></item>" % (i % 9 + 1, i))
    parts.append("\n</channel></rss>\n")
    data = "".join(parts).encode(enc, errors="xmlcharrefreplace")
    return items, data


# ---- Python port of the rule ----
LETTER_SYMBOLS = set("¡£¥¦©ª«¬®¯±³µ¶¹º»¼¾¿")
ENDING = set("£¥¦¬¯±³¶¹¼¾¿")
STARTING = set("£¥¦¬¯±³¶¹¼¾")
LANGS = [set(s) for s in ["ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "čćđšž", "áéíóöőúüű", "ăâîșşțţ", "äöüß"]]


def alpha(c):
    return c.isalpha() or unicodedata.category(c) in ("Nl",)


def score(text):
    mis, beyond, letters, where = 0, 0, [], []
    for i, c in enumerate(text):
        if ord(c) < 0x80:
            continue
        beyond += 1
        b = text[i - 1] if i > 0 else " "
        a = text[i + 1] if i + 1 < len(text) else " "
        lb, la = alpha(b), alpha(a)
        hit = False
        if c == "\ufffd" or 0x80 <= ord(c) <= 0x9F:
            hit = True
        elif (lb and la and c in LETTER_SYMBOLS) or (lb and c in ENDING) or (la and c in STARTING):
            hit = True
        elif c in "ìùÌÙ" and lb and la:
            hit = True
        if hit:
            mis += 1
            where.append(text[max(0, i - 12):i + 6].replace("\n", " "))
        if alpha(c):
            letters.append(c.lower()[0])
    explained = max(sum(1 for x in letters if x in s) for s in LANGS)
    return dict(misfits=mis, beyond=beyond, unexplained=len(letters) - explained, where=where)


def port_guess(data):
    end = min(len(data), 1 << 16)
    if end < len(data):
        while end > 0 and data[end] >= 0x80:
            end -= 1
    sample = data[:end]
    high = sum(1 for x in sample if x >= 0x80)
    if high < 6:
        return dict(guess=None, why="fewer than 6 high bytes")
    try:
        data.decode("utf-8")
        return dict(guess=None, why="valid utf-8")
    except UnicodeDecodeError:
        pass
    run = inruns = 0
    for x in sample:
        if x >= 0x80:
            run += 1
        else:
            if run >= 2:
                inruns += run
            run = 0
    if run >= 2:
        inruns += run
    nonlatin = inruns * 2 > high
    w = score(sample.decode("cp1252", errors="replace"))
    res = dict(guess=None, nonlatin=nonlatin, western=w, cands={})
    if not (w["misfits"] >= 3 and w["misfits"] * 20 >= w["beyond"]):
        return res
    best = None
    for name, codec in (("windows-1250", "cp1250"), ("iso-8859-2", "iso8859_2")):
        try:
            s = score(sample.decode(codec))
        except UnicodeDecodeError:
            res["cands"][name] = None
            continue
        res["cands"][name] = s
        if s["misfits"] * 10 > w["misfits"]:
            continue
        if best and (best[1]["misfits"], best[1]["unexplained"]) <= (s["misfits"], s["unexplained"]):
            continue
        best = (name, s)
    res["guess"] = best[0] if best else None
    return res


def port_expected(data):
    """What the binary should report: the rule's guess, else feedparser's fallbacks (utf-8,
    windows-1252, iso-8859-2: strict windows-1252 fails on 0x81 0x8D 0x8F 0x90 0x9D)."""
    g = port_guess(data).get("guess")
    if g:
        return g
    try:
        data.decode("utf-8"); return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252"); return "windows-1252"
    except UnicodeDecodeError:
        return "iso-8859-2"


def run_one(path):
    p = subprocess.run(["nice", "-n", "19", BIN, "parse", "--json", path], capture_output=True, timeout=120)
    if p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, p.stderr.decode("utf-8", "replace")[:300])
    try:
        return json.loads(p.stdout), None
    except Exception as e:
        return None, "bad json: %s" % e


# Targeted probes: short realistic Western feeds where the symbols the rule counts come
# naturally (m³/s river flow, cm³ engine size, footnote ¹ ³ after words, mean±SD).
PROBE_DOCS = []
PROBES = {
    "de": [[("Hochwasser: Rhein bei Köln über 9 Meter", "Der Abfluss stieg auf 8.900 m³/s. Normal sind 2.000 m³/s; beim Jahrhunderthochwasser 1926 waren es 10.800 m³/s. Die Stadt Köln rechnet mit Überflutungen in der Altstadt; Schüler haben schulfrei, Fähren fahren nicht.")],
           [("VW Golf GTI im Test", "Motor: 1.984 cm³, 265 PS. Der Vorgänger hatte ebenfalls 1.984 cm³."), ("Skoda Octavia RS", "Hubraum 1.984 cm³, Preis ab 42.900 €. Größerer Kofferraum, schnellere Software, spürbar sparsamer."), ("Cupra León VZ", "Ebenfalls 1.984 cm³; Verbrauch laut Hersteller 7,1 l.")],
           [("Sommer-Aktion: Internet für 19,99 €¹", "Gilt für Neukunden¹. Router inklusive². Versandkostenfrei³."), ("Mobilfunk-Tarif²", "Nur online³ buchbar.")],
           [("Studie zu Blutdruck", "Alter MW±SD 54±9 Jahre, systolisch 138±14 mmHg; Behandlungsgruppe MW±SD vs. Kontrolle MW±SD. Die Ärzte der Universität Göttingen berichten über größere Wirkung bei Älteren.")]],
    "fr": [[("Crue de la Seine : le débit atteint 1 600 m³/s", "À Paris, le débit de la Seine est passé de 400 m³/s à 1 600 m³/s en une semaine.")]],
    "es": [[("El Ebro alcanza los 2.000 m³/s a su paso por Zaragoza", "El caudal pasó de 800 m³/s a 2.000 m³/s en 24 horas. La Confederación Hidrográfica pidió precaución en las riberas de Alagón y Utebo.")]],
    "it": [[("Piena del Po: portata di 7.000 m³/s a Pontelagoscuro", "La portata è salita da 3.000 m³/s a 7.000 m³/s. Il sindaco di Ferrara ha chiuso le scuole: «È una situazione che non vedevamo da anni», ha detto. Più di mille persone sono state evacuate.")]],
    "pt": [[("Cheia no Tejo: caudal chega aos 5.000 m³/s", "O caudal passou de 1.200 m³/s para 5.000 m³/s em Almourol. A Proteção Civil pediu à população que não circule junto às margens.")]],
    "en": [[("Trial results", "Mean age was 61±8 years (mean±SD); HbA1c fell from 8.1±0.9% to 7.2±0.8%. Volume measured in cm³."),
            ("Footnotes", "Revenue¹ rose 4%. Operating profit² fell. Net debt³ was stable.")]],
    "nl": [[("Hoogwater: Maas bij Eijsden op 3.000 m³/s", "Normaal voert de Maas zo'n 250 m³/s af; nu is dat 3.000 m³/s. In Roermond zijn de kades afgesloten; het café aan de Maasboulevard is geëvacueerd, zegt de coördinator van de veiligheidsregio.")]],
}


def main():
    os.makedirs(OUT, exist_ok=True)
    results = []
    for lang, docs in PROBES.items():
        for idx, items in enumerate(docs):
            for enc in ("cp1252", "latin-1"):
                its = [(adapt(t, enc), adapt(s, enc)) for t, s in items]
                parts = ['<rss version="2.0"><channel><title>Probe</title><link>https://example.com/</link><description>P</description>']
                for i, (t, s) in enumerate(its):
                    parts.append("\n<item><title>%s</title><description>%s</description></item>" % (esc(t), esc(s)))
                parts.append("\n</channel></rss>\n")
                data = "".join(parts).encode(enc, errors="xmlcharrefreplace")
                path = os.path.join(OUT, "probe_%s_%s_%d.xml" % (lang, enc, idx))
                with open(path, "wb") as f:
                    f.write(data)
                PROBE_DOCS.append((lang, enc, "probe", path, its, data))
    for (lang, enc) in PLAN:
        for idx, variant in enumerate(VARIANTS):
            rng = random.Random("%s/%s/%d" % (lang, enc, idx))
            items, data = build(lang, enc, variant, idx, rng)
            path = os.path.join(OUT, "%s_%s_%d_%s.xml" % (lang, enc, idx, variant))
            with open(path, "wb") as f:
                f.write(data)
            PROBE_DOCS.append((lang, enc, variant, path, items, data))
    for (lang, enc, variant, path, items, data) in PROBE_DOCS:
        if True:
            j, err = run_one(path)
            r = dict(path=path, lang=lang, enc=enc, variant=variant, size=len(data), items=len(items),
                     error=err, port=port_guess(data), expected=port_expected(data))
            if j is not None:
                r["encoding"] = j.get("encoding")
                r["bozo_exception"] = j.get("bozo_exception")
                ents = j.get("entries", [])
                ok = len(ents) == len(items)
                bad = []
                for k, (t, s) in enumerate(items):
                    e = ents[k] if k < len(ents) else {}
                    if e.get("title") != t:
                        ok = False; bad.append(("title", t, e.get("title")))
                    if s is not None and e.get("summary") != s:
                        ok = False; bad.append(("summary", s, e.get("summary")))
                r["roundtrip"] = ok
                r["diffs"] = bad[:3]
            results.append(r)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
    report(results)


def report(results):
    print("documents:", len(results), " errors:", sum(1 for r in results if r["error"]))
    for r in results:
        if r["error"]:
            print("ERROR", r["path"], r["error"])
    mism = [r for r in results if r.get("encoding") is not None and
            r["expected"] != (r["encoding"] or "").lower()]
    print("port/binary disagreements (non-tr/baltic):", len(mism))
    for r in mism:
        print("  ", r["path"], r["encoding"], r["port"].get("guess"))
    print("\n== Western failures ==")
    for r in results:
        if r["lang"] in WESTERN and r["enc"] != "cp1257":
            if (r.get("encoding") or "").lower() != "windows-1252" or not r.get("roundtrip"):
                w = r["port"].get("western", {})
                print(r["path"], "size", r["size"], "->", r.get("encoding"), "roundtrip", r.get("roundtrip"))
                print("   misfits %s / beyond %s; cands %s" % (w.get("misfits"), w.get("beyond"),
                      {k: (v and (v["misfits"], v["unexplained"])) for k, v in r["port"].get("cands", {}).items()}))
                print("   at:", w.get("where"))
                for d in r.get("diffs", [])[:2]:
                    print("   %s: %r\n      -> %r" % d)
    print("\n== Western near-misses (misfits>0) ==")
    for r in results:
        w = r["port"].get("western") or {}
        if r["lang"] in WESTERN and w.get("misfits") and (r.get("encoding") or "").lower() == "windows-1252":
            print(r["path"], w["misfits"], "/", w["beyond"], w["where"][:4])
    print("\n== Other (tr, Baltic, et-cp1257) ==")
    for r in results:
        if r["lang"] in ("tr", "lt", "lv") or r["enc"] == "cp1257":
            print(r["lang"], r["enc"], r["variant"], "->", r.get("encoding"), "misfits",
                  (r["port"].get("western") or {}).get("misfits"))
    print("\n== CE ==")
    tab = defaultdict(Counter)
    for r in results:
        if r["lang"] not in CE:
            continue
        enc = (r.get("encoding") or "").lower()
        if enc == RIGHT[r["enc"]]:
            k = "right" if r.get("roundtrip") else "right-enc-but-text-differs"
        elif enc == "windows-1252":
            k = "missed"
        elif enc in ("windows-1250", "iso-8859-2"):
            k = "wrong-page" + ("(text ok)" if r.get("roundtrip") else "")
        else:
            k = "other:" + enc
        tab[(r["lang"], r["enc"])][k] += 1
        if k != "right":
            w = r["port"].get("western") or {}
            print("  ", r["path"], "->", enc, "misfits %s/%s" % (w.get("misfits"), w.get("beyond")), "nonlatin", r["port"].get("nonlatin"),
                  {kk: (v and (v["misfits"], v["unexplained"])) for kk, v in r["port"].get("cands", {}).items()})
    for k in sorted(tab):
        print(k, dict(tab[k]))


if __name__ == "__main__" and len(sys.argv) == 1:
    main()


def summary():
    R = json.load(open(os.path.join(OUT, "results.json")))
    wf = [r for r in R if r["lang"] in WESTERN and r["enc"] != "cp1257"]
    bad = [r for r in wf if (r.get("encoding") or "").lower() != "windows-1252" or not r.get("roundtrip")]
    print("\nWestern docs: %d, failures: %d" % (len(wf), len(bad)))
    print(" by variant:", Counter(r["variant"] for r in bad), "of", Counter(r["variant"] for r in wf))
    print(" by guess:", Counter(r.get("encoding") for r in bad))
    print(" by lang:", Counter(r["lang"] for r in bad))
    print(" by enc:", Counter(r["enc"] for r in bad))
    print(" docs:", len(R), "over 10KB:", sum(r["size"] > 10240 for r in R), "single headline:", sum(r["variant"] == "headline" for r in R))


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "summary":
    summary()
