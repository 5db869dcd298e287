#!/usr/bin/env python3
"""Soak benchmark for `feedwatch run` (docs/reliability.md, "Soak").

Serves N local feeds (default 2,000) on 127.0.0.1 whose content changes every PERIOD seconds,
runs the real daemon against them with a short poll interval, samples its RSS, open file
descriptors, state-database size and alert-log lines at a fixed rate, and at the end checks:

  * every alert the served entries call for was written exactly once (none missing, none twice,
    none unexpected);
  * RSS and open descriptors do not keep growing after warm-up (a linear fit over the second
    half of the run, projected over that half, stays under a small threshold).

Each feed keeps its 5 newest entries; entry k of feed i is new in cycle k. Its title names a
watched person when (i + k) % 7 == 0 and a watched topic when (i + k) % 7 == 3, so the expected
alerts are exactly the watched entries the server handed out (it records them). At the end the
content is frozen and the daemon gets two more intervals to catch up before SIGTERM.

Writes samples.csv, result.json and a PNG plot; exits 1 when a check fails.
"""

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WATCHLIST = """\
watch:
  - name: Vladimir Putin
    type: person
    aliases: [President Putin]
  - name: sanctions
    type: topic
    terms: [sanction, embargo]
"""

PERSON, TOPIC = "Vladimir Putin", "sanctions"
KEEP = 5


def watch_of(feed, k):
    r = (feed + k) % 7
    return PERSON if r == 0 else TOPIC if r == 3 else None


def title_of(feed, k):
    w = watch_of(feed, k)
    if w == PERSON:
        return f"Vladimir Putin speaks on harbour plans for district {feed} in week {k}"
    if w == TOPIC:
        return f"New sanctions on grain exports announced for district {feed} in week {k}"
    return f"Local council approves harbour plans for district {feed} in week {k}"


class Feeds:
    """The feeds' content as a function of the cycle, and what was handed out."""

    def __init__(self, period):
        self.period = period
        self.start = time.time()
        self.frozen = None
        self.lock = threading.Lock()
        self.served = set()          # (guid, watch) of watched entries sent in a 200 response
        self.requests = 0
        self.not_modified = 0

    def cycle(self):
        if self.frozen is not None:
            return self.frozen
        return int((time.time() - self.start) // self.period)

    def freeze(self):
        self.frozen = self.cycle()

    def body(self, feed, c):
        items = []
        watched = []
        for k in range(max(0, c - KEEP + 1), c + 1):
            guid = f"soak-{feed}-{k}"
            w = watch_of(feed, k)
            if w:
                watched.append((guid, w))
            pub = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(self.start + k * self.period))
            items.append(
                f"<item><title>{title_of(feed, k)}</title>"
                f"<link>http://soak.invalid/{feed}/{k}</link><guid isPermaLink=\"false\">{guid}</guid>"
                f"<pubDate>{pub}</pubDate><description>Report {k} from district {feed}: the "
                f"council met on tuesday and talks would resume next week.</description></item>")
        text = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
                f"<title>Soak feed {feed}</title><link>http://soak.invalid/{feed}</link>"
                f"<description>soak</description>{''.join(reversed(items))}</channel></rss>")
        return text.encode(), watched


def make_handler(feeds):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            parts = self.path.split("/")
            if len(parts) != 3 or parts[1] != "feed" or not parts[2].endswith(".xml"):
                self.send_error(404)
                return
            feed = int(parts[2][:-4])
            c = feeds.cycle()
            etag = f"\"{feed}-{c}\""
            with feeds.lock:
                feeds.requests += 1
            if self.headers.get("If-None-Match") == etag:
                with feeds.lock:
                    feeds.not_modified += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, watched = feeds.body(feed, c)
            with feeds.lock:
                feeds.served.update(watched)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def fd_count(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def line_count(path):
    try:
        with open(path, "rb") as f:
            return sum(1 for _ in f)
    except FileNotFoundError:
        return 0


def db_bytes(state):
    return sum(os.path.getsize(p) for p in (state, state + "-wal", state + "-shm") if os.path.exists(p))


def slope(xs, ys):
    """Least-squares slope of ys over xs."""
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    den = sum((x - mx) ** 2 for x in xs)
    return 0.0 if den == 0 else sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den


def plot(samples, path, title):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib missing (pip install matplotlib): no plot", file=sys.stderr)
        return
    t = [s["minute"] for s in samples]
    fig, axes = plt.subplots(2, 2, figsize=(10, 6.5), sharex=True)
    series = [("rss_mb", "RSS (MiB)"), ("fds", "open file descriptors"),
              ("db_mb", "state database (MiB)"), ("alerts", "alert-log lines")]
    for ax, (key, label) in zip(axes.flat, series):
        ax.plot(t, [s[key] for s in samples], marker=".", linewidth=1)
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
        if key in ("rss_mb", "fds"):
            ax.set_ylim(bottom=0, top=max(s[key] for s in samples) * 1.25 + 1)
    for ax in axes[1]:
        ax.set_xlabel("minutes since start")
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    print(f"plot: {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--feeds", type=int, default=2000)
    ap.add_argument("--interval", type=int, default=30, help="poll interval (s)")
    ap.add_argument("--period", type=int, default=60, help="seconds between content changes")
    ap.add_argument("--sample", type=float, default=None, help="seconds between samples (default 60; less for short runs)")
    ap.add_argument("--binary", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--plot", default=None)
    ap.add_argument("--metrics", action="store_true", help="configure the daemon's Prometheus text file too")
    args = ap.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    work = os.path.abspath(args.workdir)
    lists = os.path.join(work, "watchlists.d")
    os.makedirs(lists, exist_ok=True)
    with open(os.path.join(lists, "soak.yaml"), "w") as f:
        f.write(WATCHLIST)
    state, alerts = os.path.join(work, "state.sqlite"), os.path.join(work, "alerts.jsonl")
    for p in (state, state + "-wal", state + "-shm", alerts):
        if os.path.exists(p):
            os.remove(p)

    feeds = Feeds(args.period)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(feeds))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]

    config = os.path.join(work, "feedwatch.yaml")
    with open(config, "w") as f:
        f.write(f"state: {state}\nalert_log: {alerts}\ninterval: {args.interval}s\nbackfill: all\n"
                f"watchlists: {lists}\nmax_connections_per_host: 8\n")
        if args.metrics:
            f.write(f"metrics:\n  path: {os.path.join(work, 'feedwatch.prom')}\n  interval: 15s\n")
        f.write("feeds:\n")
        for i in range(args.feeds):
            f.write(f"  - http://127.0.0.1:{port}/feed/{i}.xml\n")

    log = open(os.path.join(work, "daemon.log"), "w")
    daemon = subprocess.Popen([args.binary, "run", "--config", config, "--log-level", "notice"],
                              stdout=log, stderr=subprocess.STDOUT)
    every = args.sample or (60.0 if args.minutes >= 10 else max(5.0, args.minutes * 60 / 12))
    duration = args.minutes * 60
    samples = []
    time.sleep(2)  # let the process start before the first sample
    start = time.time()
    print(f"soak: {args.feeds} feeds on port {port}, interval {args.interval}s, content every {args.period}s, "
          f"{args.minutes} min, sampling every {every:.0f}s, daemon pid {daemon.pid}", flush=True)
    failures = []
    try:
        while True:
            now = time.time() - start
            if daemon.poll() is not None:
                failures.append(f"the daemon exited early with status {daemon.returncode}")
                break
            s = {"minute": round(now / 60, 3), "rss_mb": round(rss_kb(daemon.pid) / 1024, 2),
                 "fds": fd_count(daemon.pid), "db_mb": round(db_bytes(state) / 2 ** 20, 3),
                 "alerts": line_count(alerts), "requests": feeds.requests, "cycle": feeds.cycle()}
            samples.append(s)
            print(json.dumps(s), flush=True)
            if now >= duration:
                break
            time.sleep(max(0.0, min(every, duration - now) - (time.time() - start - now)))
        # Freeze the content and give every feed two more polls to take the last entries in.
        feeds.freeze()
        settle = int(args.interval * 1.1 * 2) + 10
        print(f"content frozen at cycle {feeds.frozen}; settling {settle}s", flush=True)
        time.sleep(settle)
    finally:
        if daemon.poll() is None:
            daemon.send_signal(signal.SIGTERM)
            try:
                daemon.wait(timeout=60)
            except subprocess.TimeoutExpired:
                daemon.kill()
                failures.append("the daemon did not stop within 60 s of SIGTERM")
        server.shutdown()
        log.close()
    if daemon.returncode not in (0, None) and not failures:
        failures.append(f"the daemon exited with status {daemon.returncode}")

    # Alerts: each expected (entry, watch) exactly once.
    written = {}
    with open(alerts) as f:
        for line in f:
            a = json.loads(line)
            key = (a["entry"]["id"], a.get("watch") or a.get("rule"))
            written[key] = written.get(key, 0) + 1
    expected = feeds.served
    missing = sorted(expected - written.keys())
    unexpected = sorted(written.keys() - expected)
    twice = sorted(k for k, n in written.items() if n > 1)
    if missing:
        failures.append(f"{len(missing)} expected alerts missing, e.g. {missing[:3]}")
    if unexpected:
        failures.append(f"{len(unexpected)} unexpected alerts, e.g. {unexpected[:3]}")
    if twice:
        failures.append(f"{len(twice)} alerts written more than once, e.g. {twice[:3]}")

    # The metrics file's final figures must agree with the log (written on shutdown).
    metrics = {}
    if args.metrics:
        prom = os.path.join(work, "feedwatch.prom")
        try:
            with open(prom) as f:
                for line in f:
                    if line and not line.startswith("#"):
                        name, value = line.rsplit(" ", 1)
                        metrics[name] = float(value)
        except FileNotFoundError:
            failures.append(f"metrics file {prom} missing")
        if metrics and metrics.get("feedwatch_alerts_written_total") != sum(written.values()):
            failures.append(f"metrics say {metrics.get('feedwatch_alerts_written_total')} alerts written, the log has {sum(written.values())}")

    # Growth after warm-up: fit over the second half of the samples.
    half = samples[len(samples) // 2:]
    xs = [s["minute"] for s in half]
    span = (xs[-1] - xs[0]) if len(xs) > 1 else 0
    rss_slope = slope(xs, [s["rss_mb"] for s in half])
    fd_slope = slope(xs, [s["fds"] for s in half])
    median_rss = sorted(s["rss_mb"] for s in half)[len(half) // 2] if half else 0
    rss_growth, fd_growth = rss_slope * span, fd_slope * span
    rss_limit = max(4.0, 0.05 * median_rss)
    if len(half) >= 3 and rss_growth > rss_limit:
        failures.append(f"RSS keeps growing after warm-up: +{rss_growth:.1f} MiB over the last {span:.1f} min (limit {rss_limit:.1f})")
    if len(half) >= 3 and fd_growth > 2:
        failures.append(f"open descriptors keep growing after warm-up: +{fd_growth:.1f} over the last {span:.1f} min")

    result = {
        "feeds": args.feeds, "minutes": args.minutes, "interval_s": args.interval, "period_s": args.period,
        "cycles": feeds.frozen, "requests": feeds.requests, "not_modified": feeds.not_modified,
        "alerts_expected": len(expected), "alerts_written": sum(written.values()),
        "missing": len(missing), "unexpected": len(unexpected), "twice": len(twice),
        "rss_mb": {"min": min(s["rss_mb"] for s in samples), "max": max(s["rss_mb"] for s in samples),
                   "median_second_half": median_rss, "growth_second_half": round(rss_growth, 2)},
        "fds": {"min": min(s["fds"] for s in samples), "max": max(s["fds"] for s in samples),
                "growth_second_half": round(fd_growth, 2)},
        "db_mb_end": samples[-1]["db_mb"], "daemon_status": daemon.returncode,
        "metrics": {k: v for k, v in metrics.items() if not k.startswith(("feedwatch_parse_seconds_bucket", "feedwatch_extract_seconds_bucket"))},
        "failures": failures,
    }
    with open(os.path.join(work, "samples.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(samples[0].keys()))
        w.writeheader()
        w.writerows(samples)
    with open(os.path.join(work, "result.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))
    if args.plot:
        plot(samples, args.plot, f"feedwatch soak: {args.feeds} feeds, {args.interval}s interval, {args.minutes:g} min")
    if failures:
        print("SOAK FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("soak passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
