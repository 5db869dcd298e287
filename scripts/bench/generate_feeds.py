#!/usr/bin/env python3
"""Writes the two news feeds the parse benchmark reads (scripts/bench/parse_bench.sh).

    generate_feeds.py [OUTDIR] [--seed N] [--items N] [--target-bytes N]

- rss-5mb.xml:  RSS 2.0, 2,000 items. Each item has a title, link, guid (permalink or
  isPermaLink="false"), pubDate in RFC 822 with varied zones (+0000, -0500, GMT, EST, PDT,
  +0530, ...), dc:creator, 1-3 categories, an escaped-HTML <description> (&lt;p&gt;, &amp;nbsp;,
  &amp;#8217;, links with &amp;amp; in the query) and a CDATA <content:encoded> article
  (paragraphs, links, emphasis, lists, quotes, figures, &nbsp; &#8217; &mdash; ...).
- atom-5mb.xml: Atom 1.0, 2,000 entries, RFC 3339 dates (Z, offsets, fractions), authors,
  categories, html (escaped) and xhtml (inline <div xmlns=...>) content and summaries.

Both files are well-formed XML without a DTD, so `xmllint --stream --noout` reads them to the
end (an undeclared `&nbsp;` outside CDATA would stop it early and flatter its time): named HTML
entities appear only inside CDATA or escaped (`&amp;nbsp;`); xhtml content uses numeric ones.

Deterministic: the same seed and arguments give byte-identical files. Each file is sized to
--target-bytes (default 5,000,000) within about 1%. Standard library only.
"""

import argparse
import os
import random
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape as xml_escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import WORDS  # noqa: E402


PEOPLE = [
    "Vladimir Putin", "Joe Biden", "Emmanuel Macron", "Olaf Scholz", "Ursula von der Leyen",
    "Xi Jinping", "Narendra Modi", "Luiz Inácio Lula da Silva", "Recep Tayyip Erdoğan",
    "Volodymyr Zelensky", "Keir Starmer", "Giorgia Meloni", "António Guterres", "Rand Paul",
    "Christine Lagarde", "Jerome Powell", "Pedro Sánchez", "Fumio Kishida", "Cyril Ramaphosa",
]
PLACES = [
    "Brussels", "Washington", "Kyiv", "Moscow", "Beijing", "New Delhi", "Brasília", "Ankara",
    "Paris", "Berlin", "London", "Rome", "Geneva", "Tokyo", "Pretoria", "Madrid", "São Paulo",
    "Zürich", "Kraków", "Reykjavík",
]
ORGS = ["the United Nations", "NATO", "the European Commission", "the IMF", "the World Bank",
        "the Federal Reserve", "the ECB", "OPEC", "the WHO", "the G20"]
AUTHORS = ["Anna Schmidt", "Carlos Ruiz", "Mei Lin", "James O’Connor", "Priya Natarajan",
           "Olivia Brown", "Sven Johansson", "Fatima Zahra", "Tomás Novák", "Chloé Martin",
           "David Cohen", "Aiko Tanaka"]
CATEGORIES = ["World", "Politics", "Business", "Economy", "Europe", "Asia", "Americas",
              "Climate", "Technology", "Science", "Health", "Markets", "Energy", "Diplomacy",
              "Elections", "Conflict", "Trade"]
SITE = "https://news.example.com"
NOW = datetime(2026, 11, 27, 9, 30, 0, tzinfo=timezone.utc)

# RFC 822 zones as news sites write them: numeric offsets and the RFC 822 names.
RFC822_ZONES = [("+0000", 0), ("GMT", 0), ("-0500", -300), ("EST", -300), ("-0400", -240),
                ("EDT", -240), ("PDT", -420), ("PST", -480), ("+0100", 60), ("+0200", 120),
                ("+0530", 330), ("+0900", 540), ("UT", 0), ("-0800", -480), ("CST", -360)]
RFC3339_OFFSETS = [0, 0, 60, 120, -300, -240, 330, 540, 600, -180, 345]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class Writer:
    """Random news prose, as HTML with the entities and markup real feeds carry."""

    def __init__(self, rng):
        self.rng = rng

    def words(self, lo, hi):
        r = self.rng
        out = []
        for _ in range(r.randint(lo, hi)):
            x = r.random()
            if x < 0.04:
                out.append(r.choice(PEOPLE))
            elif x < 0.07:
                out.append(r.choice(PLACES))
            elif x < 0.085:
                out.append(r.choice(ORGS))
            elif x < 0.095:
                out.append(str(r.randint(2, 990)) + r.choice(["", "%", " million", " billion"]))
            else:
                out.append(r.choice(WORDS))
        return out

    def sentence(self, lo=8, hi=24):
        words = self.words(lo, hi)
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words) + ("?" if self.rng.random() < 0.05 else ".")

    def title(self):
        words = self.words(6, 13)
        return " ".join(w[:1].upper() + w[1:] for w in words)

    def url(self, slug_words=5):
        slug = "-".join(w.lower().replace(" ", "-") for w in self.words(slug_words, slug_words + 3))
        slug = "".join(c for c in slug if c.isascii() and (c.isalnum() or c == "-"))
        return "%s/%d/%02d/%s" % (SITE, 2026, self.rng.randint(1, 11), slug)

    def tracked_url(self):
        # Query strings with several parameters: `&` escaped in HTML as `&amp;`.
        return self.url() + "?utm_source=rss&amp;utm_medium=feed&amp;ref=%d" % self.rng.randint(1, 99999)

    def inline_html(self, lo, hi, named_entities=True):
        """One paragraph's inner HTML: text with links, emphasis, quotes and entities."""
        r = self.rng
        parts = []
        for _ in range(r.randint(lo, hi)):
            s = self.sentence()
            x = r.random()
            if x < 0.25:
                words = s.split(" ")
                k = r.randint(0, max(0, len(words) - 3))
                words[k] = '<a href="%s">%s' % (self.tracked_url(), words[k])
                words[k + 2] = words[k + 2] + "</a>"
                s = " ".join(words)
            elif x < 0.40:
                words = s.split(" ")
                k = r.randint(0, max(0, len(words) - 2))
                tag = r.choice(["em", "strong", "b", "i"])
                words[k] = "<%s>%s</%s>" % (tag, words[k], tag)
                s = " ".join(words)
            elif x < 0.55:
                # Curly quotes and apostrophes as numeric references.
                s = "&#8220;%s&#8221; said %s&#8217;s office." % (s.rstrip("."), r.choice(PEOPLE))
            elif x < 0.65:
                s = s.replace(" ", "&nbsp;" if named_entities else "&#160;", 1)
                s += (" &mdash; " if named_entities else " &#8212; ") + self.sentence(4, 9)
            elif x < 0.70:
                s += " (%s&nbsp;%d%%)" % ("up" if r.random() < 0.5 else "down", r.randint(1, 40)) \
                    if named_entities else " (%s&#160;%d%%)" % ("up", r.randint(1, 40))
            elif x < 0.74:
                s += " AT&amp;T and Procter &amp; Gamble&#174; were unaffected."
            elif x < 0.77:
                s += " Temperatures reached 42&#176;C in %s." % r.choice(PLACES)
            parts.append(s)
        return " ".join(parts)

    def article(self, budget, named_entities=True):
        """An article body of about `budget` bytes of HTML: paragraphs plus the odd list,
        quote, figure, heading or embed."""
        r = self.rng
        blocks = []
        size = 0
        while size < budget:
            x = r.random()
            if x < 0.70:
                b = "<p>%s</p>" % self.inline_html(1, 4, named_entities)
            elif x < 0.78:
                b = "<h2>%s</h2>" % self.title()
            elif x < 0.85:
                items = "".join("<li>%s</li>" % self.inline_html(1, 1, named_entities)
                                for _ in range(r.randint(2, 5)))
                b = "<ul>%s</ul>" % items
            elif x < 0.91:
                b = "<blockquote><p>%s</p></blockquote>" % self.inline_html(1, 2, named_entities)
            elif x < 0.97:
                b = ('<figure><img src="%s/img/%d.jpg" alt="%s" width="800" height="450"/>'
                     "<figcaption>%s</figcaption></figure>") % (
                    SITE, r.randint(1000, 999999), " ".join(self.words(3, 6)), self.sentence(6, 14))
            else:
                b = ('<p><iframe src="https://video.example.net/embed/%d" width="560" height="315" '
                     'allowfullscreen="allowfullscreen"></iframe></p>') % r.randint(1, 10 ** 7)
            n = len(b.encode("utf-8")) + 1
            if blocks and size + n // 2 > budget:
                break  # stop nearer the budget than one more block would
            blocks.append(b)
            size += n
        return "\n".join(blocks)

    def summary_html(self):
        r = self.rng
        html = "<p>%s</p>" % self.inline_html(2, 4)
        if r.random() < 0.4:
            html = '<img src="%s/thumb/%d.jpg" alt="" />' % (SITE, r.randint(1, 10 ** 6)) + html
        if r.random() < 0.5:
            html += '<p><a href="%s">Read more&nbsp;&raquo;</a></p>' % self.tracked_url()
        return html


def rfc822(dt, rng):
    name, minutes = rng.choice(RFC822_ZONES)
    local = dt + timedelta(minutes=minutes)
    return "%s, %02d %s %04d %02d:%02d:%02d %s" % (
        DAYS[local.weekday()], local.day, MONTHS[local.month - 1], local.year,
        local.hour, local.minute, local.second, name)


def rfc3339(dt, rng):
    minutes = rng.choice(RFC3339_OFFSETS)
    local = dt + timedelta(minutes=minutes)
    text = local.strftime("%Y-%m-%dT%H:%M:%S")
    if rng.random() < 0.3:
        text += ".%03d" % rng.randint(0, 999)
    if minutes == 0 and rng.random() < 0.7:
        return text + "Z"
    sign = "+" if minutes >= 0 else "-"
    return text + "%s%02d:%02d" % (sign, abs(minutes) // 60, abs(minutes) % 60)


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def budgets(rng, count, total):
    """Per-item byte budgets: varied (short briefs to long reads), summing to `total`."""
    weights = [rng.lognormvariate(0, 0.5) for _ in range(count)]
    scale = total / sum(weights)
    return [max(200, int(w * scale)) for w in weights]


def rss_item(w, rng, dt, budget):
    r = rng
    title = w.title()
    link = w.url()
    description = w.summary_html()
    guid = ('<guid isPermaLink="false">urn:uuid:%08x-%04x-4%03x-a%03x-%012x</guid>' % (
        r.getrandbits(32), r.getrandbits(16), r.getrandbits(12), r.getrandbits(12), r.getrandbits(48))
        if r.random() < 0.5 else "<guid>%s</guid>" % link)
    # WordPress-style: curly quotes as XML character references in titles, and in half the
    # descriptions at the XML level too (`&#8217;`, decoded by the XML parser) instead of
    # escaped for the HTML (`&amp;#8217;`, decoded by HTML to text).
    title_xml = xml_escape(title)
    if r.random() < 0.3:
        title_xml = title_xml.replace(" ", " &#8216;", 1) + "&#8217;"
    description_xml = xml_escape(description)
    if r.random() < 0.5:
        description_xml = description_xml.replace("&amp;#82", "&#82")
    cats = "".join("<category>%s</category>" % xml_escape(c) for c in r.sample(CATEGORIES, r.randint(1, 3)))
    head = ("<item>\n<title>%s</title>\n<link>%s</link>\n%s\n<pubDate>%s</pubDate>\n"
            "<dc:creator>%s</dc:creator>\n%s\n<description>%s</description>\n") % (
        title_xml, link, guid, rfc822(dt, r), xml_escape(r.choice(AUTHORS)), cats, description_xml)
    if r.random() < 0.15:
        head += '<enclosure url="%s/audio/%d.mp3" length="%d" type="audio/mpeg"/>\n' % (
            SITE, r.randint(1, 10 ** 6), r.randint(10 ** 5, 10 ** 8))
    body = w.article(max(100, budget - len(head.encode("utf-8")) - 60))
    return head + "<content:encoded>%s</content:encoded>\n</item>\n" % cdata(body)


def atom_entry(w, rng, dt, budget):
    r = rng
    title = w.title()
    link = w.url()
    published = rfc3339(dt, r)
    updated = rfc3339(dt + timedelta(minutes=r.randint(0, 300)), r)
    author = r.choice(AUTHORS)
    parts = ["<entry>",
             '<title type="text">%s</title>' % xml_escape(title)
             if r.random() < 0.8 else '<title type="html">%s</title>' % xml_escape(xml_escape(title) + " &amp; more"),
             '<link rel="alternate" type="text/html" href="%s"/>' % link,
             "<id>tag:news.example.com,2026:%d</id>" % r.getrandbits(40),
             "<published>%s</published>" % published,
             "<updated>%s</updated>" % updated,
             "<author><name>%s</name><uri>%s/authors/%d</uri></author>" % (
                 xml_escape(author), SITE, r.randint(1, 500))]
    for c in r.sample(CATEGORIES, r.randint(1, 3)):
        parts.append('<category term="%s" scheme="%s/sections" label="%s"/>' % (c.lower(), SITE, c))
    xhtml = r.random() < 0.4
    if xhtml:
        parts.append('<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">%s</div></summary>'
                     % ("<p>%s</p>" % w.inline_html(2, 3, named_entities=False)))
    elif r.random() < 0.2:
        parts.append('<summary type="text">%s</summary>' % xml_escape(w.sentence(20, 40)))
    else:
        parts.append('<summary type="html">%s</summary>' % xml_escape(w.summary_html()))
    head = "\n".join(parts) + "\n"
    body_budget = max(100, budget - len(head.encode("utf-8")) - 120)
    if xhtml:
        body = w.article(body_budget, named_entities=False)
        content = '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">%s</div></content>' % body
    else:
        # Escaping grows the HTML by about a tenth; budget for it.
        body = w.article(int(body_budget / 1.1))
        content = '<content type="html">%s</content>' % xml_escape(body)
    return head + content + "\n</entry>\n"


def write_items(path, rng, header, footer, items, target, make_item):
    """Writes header, items, footer; each item's budget absorbs the previous items' overshoot,
    so the file lands within about 1% of `target`."""
    sizes = budgets(rng, items, target - len(header) - len(footer))
    dt = NOW
    planned = written = 0
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for i in range(items):
            dt -= timedelta(seconds=rng.randint(30, 1800))
            planned += sizes[i]
            item = make_item(dt, max(200, planned - written))
            written += len(item.encode("utf-8"))
            f.write(item)
        f.write(footer)


def write_rss(path, seed, items, target):
    rng = random.Random(seed)
    w = Writer(rng)
    header = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        "<channel>\n<title>Example News &#8211; World</title>\n<link>%s/world</link>\n"
        "<description>The latest world news, analysis and opinion from Example News.</description>\n"
        "<language>en-gb</language>\n<lastBuildDate>%s</lastBuildDate>\n"
        "<generator>ExamplePress 6.4</generator>\n"
        '<atom:link href="%s/world/rss.xml" rel="self" type="application/rss+xml"/>\n'
        "<image><url>%s/logo.png</url><title>Example News</title><link>%s</link></image>\n"
    ) % (SITE, rfc822(NOW, rng), SITE, SITE, SITE)
    footer = "</channel>\n</rss>\n"
    write_items(path, rng, header, footer, items, target, lambda dt, budget: rss_item(w, rng, dt, budget))


def write_atom(path, seed, items, target):
    rng = random.Random(seed + 1)
    w = Writer(rng)
    header = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n'
        "<title>Example Wire</title>\n"
        '<subtitle type="html">Breaking news &amp;amp; analysis</subtitle>\n'
        '<link rel="alternate" type="text/html" href="%s/"/>\n'
        '<link rel="self" type="application/atom+xml" href="%s/atom.xml"/>\n'
        "<id>tag:news.example.com,2026:feed</id>\n<updated>%s</updated>\n"
        "<author><name>Example Wire Desk</name></author>\n"
        '<generator uri="https://example.org/gen" version="2.1">ExampleGen</generator>\n'
    ) % (SITE, SITE, rfc3339(NOW, rng))
    footer = "</feed>\n"
    write_items(path, rng, header, footer, items, target, lambda dt, budget: atom_entry(w, rng, dt, budget))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("outdir", nargs="?", help="output directory (default: a new temporary directory)")
    p.add_argument("--seed", type=int, default=20261127)
    p.add_argument("--items", type=int, default=2000, help="items/entries per feed (default 2000)")
    p.add_argument("--target-bytes", type=int, default=5_000_000, help="size of each file (default 5,000,000)")
    args = p.parse_args()
    outdir = args.outdir or tempfile.mkdtemp(prefix="feedwatch-bench-")
    os.makedirs(outdir, exist_ok=True)
    t = args.target_bytes
    tag = "%dmb" % (t // 10 ** 6) if t % 10 ** 6 == 0 else "%dkb" % round(t / 1000)
    for name, write in (("rss-%s.xml" % tag, write_rss), ("atom-%s.xml" % tag, write_atom)):
        path = os.path.join(outdir, name)
        write(path, args.seed, args.items, args.target_bytes)
        print("%s\t%d bytes" % (path, os.path.getsize(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
