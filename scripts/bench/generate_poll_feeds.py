#!/usr/bin/env python3
"""Writes the feeds the polling benchmark serves (scripts/bench/poll_bench.sh).

    generate_poll_feeds.py OUTDIR [--feeds N] [--items N] [--target-bytes N] [--seed N]

Writes OUTDIR/f00000.xml ... (default 10,000 files): RSS 2.0 feeds of about --target-bytes
(default 20,000) with --items (default 20) items each. Every item has a title, link, a guid
unique across all feeds, an RFC 822 pubDate, a category and an escaped-HTML <description>
(&lt;p&gt;, links with &amp;amp; in the query, &amp;#8217;, &amp;nbsp;, emphasis). Every feed
differs from every other (its own title, links, guids and a different choice and order of
paragraphs), so a server's ETags and a client's seen-entry keys are all distinct.

Every item is dated in the week before 2026-11-20 09:30 UTC (in the past, so a client with
`backfill: none` treats every entry of a first fetch as old: an entry dated in the future would
count as new). Every file gets that same fixed modification time, so the HTTP validators nginx
derives from it are the same on every run and a client can ask for a 304 with one
`If-Modified-Since` header for all URLs.

Deterministic: the same arguments give byte-identical files. Standard library only.
"""

import argparse
import calendar
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from email.utils import formatdate
from xml.sax.saxutils import escape as xml_escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import WORDS  # noqa: E402

PEOPLE = ["Joe Biden", "Emmanuel Macron", "Olaf Scholz", "Ursula von der Leyen", "Xi Jinping",
          "Narendra Modi", "Luiz Inácio Lula da Silva", "Recep Tayyip Erdoğan", "Keir Starmer",
          "Giorgia Meloni", "António Guterres", "Christine Lagarde", "Jerome Powell"]
PLACES = ["Brussels", "Washington", "Beijing", "New Delhi", "Brasília", "Ankara", "Paris",
          "Berlin", "London", "Rome", "Geneva", "Tokyo", "Madrid", "São Paulo", "Zürich"]
CATEGORIES = ["World", "Politics", "Business", "Economy", "Europe", "Asia", "Climate",
              "Technology", "Science", "Health", "Markets", "Energy", "Trade"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NOW = datetime(2026, 11, 20, 9, 30, 0, tzinfo=timezone.utc)
MTIME = calendar.timegm(NOW.timetuple())
# What nginx sends as Last-Modified for every file (and what a client sends back).
LAST_MODIFIED = formatdate(MTIME, usegmt=True)


def words(rng, lo, hi):
    out = []
    for _ in range(rng.randint(lo, hi)):
        x = rng.random()
        if x < 0.04:
            out.append(rng.choice(PEOPLE))
        elif x < 0.08:
            out.append(rng.choice(PLACES))
        elif x < 0.09:
            out.append(str(rng.randint(2, 990)))
        else:
            out.append(rng.choice(WORDS))
    return out


def sentence(rng):
    w = words(rng, 8, 22)
    w[0] = w[0][:1].upper() + w[0][1:]
    x = rng.random()
    if x < 0.2:
        k = rng.randint(0, len(w) - 3)
        w[k] = '<a href="https://news.example.com/story/%d?utm_source=rss&amp;ref=%d">%s' % (
            rng.randint(1, 10 ** 7), rng.randint(1, 999), w[k])
        w[k + 2] += "</a>"
    elif x < 0.35:
        k = rng.randint(0, len(w) - 1)
        w[k] = "<em>%s</em>" % w[k]
    s = " ".join(w) + "."
    x = rng.random()
    if x < 0.15:
        s = "&#8220;%s&#8221; said %s&#8217;s office." % (s[:-1], rng.choice(PEOPLE))
    elif x < 0.25:
        s = s.replace(" ", "&nbsp;", 1)
    return s


def paragraph_pool(rng, n):
    """HTML paragraphs (before XML escaping), 150-450 bytes each."""
    return ["<p>%s</p>" % " ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(n)]


def rfc822(dt):
    return "%s, %02d %s %04d %02d:%02d:%02d +0000" % (
        DAYS[dt.weekday()], dt.day, MONTHS[dt.month - 1], dt.year, dt.hour, dt.minute, dt.second)


def feed(n, rng, pool, items, target):
    header = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
        "<title>Example Desk %05d</title>\n<link>https://news%d.example.com/</link>\n"
        "<description>News from desk %d.</description>\n<language>en</language>\n"
        "<lastBuildDate>%s</lastBuildDate>\n" % (n, n, n, rfc822(NOW)))
    footer = "</channel>\n</rss>\n"
    budget = (target - len(header) - len(footer)) // items
    out = [header]
    dt = NOW - timedelta(minutes=rng.randint(0, 600))
    for i in range(items):
        dt -= timedelta(seconds=rng.randint(60, 7200))
        title = " ".join(words(rng, 6, 11))
        title = title[:1].upper() + title[1:]
        link = "https://news%d.example.com/%d/%02d/item-%d-%d" % (n, dt.year, dt.month, n, i)
        head = ("<item>\n<title>%s</title>\n<link>%s</link>\n"
                '<guid isPermaLink="false">urn:feedwatch-bench:%05d:%02d</guid>\n'
                "<pubDate>%s</pubDate>\n<category>%s</category>\n<description>") % (
            xml_escape(title), link, n, i, rfc822(dt), rng.choice(CATEGORIES))
        tail = "</description>\n</item>\n"
        room = budget - len(head) - len(tail)
        html, size = [], 0
        while True:
            p = xml_escape(rng.choice(pool))
            if html and size + len(p) // 2 > room:
                break
            html.append(p)
            size += len(p) + 1
        out.append(head + "\n".join(html) + tail)
    out.append(footer)
    return "".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("outdir")
    p.add_argument("--feeds", type=int, default=10_000)
    p.add_argument("--items", type=int, default=20)
    p.add_argument("--target-bytes", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=20261127)
    args = p.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    pool = paragraph_pool(random.Random(args.seed), 3000)
    total = 0
    for n in range(args.feeds):
        text = feed(n, random.Random(args.seed * 100_003 + n), pool, args.items, args.target_bytes)
        path = os.path.join(args.outdir, "f%05d.xml" % n)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, (MTIME, MTIME))
        total += len(data)
    print("%d feeds, %d items each, %d bytes in all (mean %.0f bytes)"
          % (args.feeds, args.items, total, total / max(1, args.feeds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
