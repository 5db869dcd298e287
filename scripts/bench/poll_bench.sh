#!/usr/bin/env bash
# Polling speed benchmark: one `feedwatch run --once` cycle over 10,000 feeds of about 20 KB
# served by nginx on 127.0.0.1, cold (every feed new: 200s) and warm (every feed answers 304),
# against `curl --parallel --parallel-max 64` fetching the same URLs in the same run
# (see docs/benchmarks-polling.md).
#
#   scripts/bench/poll_bench.sh [--feeds N] [--runs N] [--keep DIR]
#
# --feeds N   number of feeds (default 10000); --runs N rounds, best and median reported
# (default 5); --keep DIR  generate into DIR and keep it (feeds, nginx and feedwatch configs,
# state) instead of a temporary directory removed at exit. SCRATCH=DIR sets the build directory
# (default .build-pollbench, so a build in .build is never disturbed); SWIFT_BUILD_FLAGS as in
# the Makefile (default --static-swift-stdlib).
#
# Also times scripts/bench/multi_probe.c (a plain C libcurl-multi loop, compiled with cc when
# available) over the same URLs with feedwatch's connection limits, once with a window of 64
# transfers and once with every transfer added at once as feedwatch does: the floor, and what
# the all-at-once pattern costs by itself.
#
# Installs nginx, curl and GNU time with apt-get when missing. All traffic stays on 127.0.0.1;
# nginx runs in the foreground of a background job with its own config, pid and logs in the
# work directory, and is stopped at exit (also on error or Ctrl-C).
# A measurement, not a test: it exits 0 whether the targets are met or missed, and non-zero
# only when it cannot measure (build, server or a wrong poll summary).
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SCRATCH=${SCRATCH:-.build-pollbench}
# The Makefile's release flags (static Swift runtime), so the binary measured is the one `make
# install` ships; SWIFT_BUILD_FLAGS= (empty) measures a build against the shared Swift libraries.
SWIFT_BUILD_FLAGS=${SWIFT_BUILD_FLAGS---static-swift-stdlib}
FEEDS=10000
RUNS=5
KEEP=
while [ $# -gt 0 ]; do
    case $1 in
        --feeds) FEEDS=$2; shift 2 ;;
        --feeds=*) FEEDS=${1#*=}; shift ;;
        --runs) RUNS=$2; shift 2 ;;
        --runs=*) RUNS=${1#*=}; shift ;;
        --keep) KEEP=$2; shift 2 ;;
        --keep=*) KEEP=${1#*=}; shift ;;
        -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "poll_bench.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
case $FEEDS in ''|*[!0-9]*|0) echo "--feeds: expected a positive number" >&2; exit 2 ;; esac
case $RUNS in ''|*[!0-9]*|0) echo "--runs: expected a positive number" >&2; exit 2 ;; esac

SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
apt_install() {
    echo "installing $*" >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 \
        || { $SUDO apt-get update -qq >&2 && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2; }
}
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { apt_install nginx; NGINX=$(command -v nginx || echo /usr/sbin/nginx); }
command -v curl >/dev/null || apt_install curl
[ -x /usr/bin/time ] || apt_install time

echo "== swift build -c release $SWIFT_BUILD_FLAGS --scratch-path $SCRATCH" >&2
swift build -c release $SWIFT_BUILD_FLAGS --scratch-path "$SCRATCH" --product feedwatch >&2
swift build -c release $SWIFT_BUILD_FLAGS --scratch-path "$SCRATCH" --product feedwatch-bench >&2
BIN="$ROOT/$SCRATCH/release/feedwatch"

NGINX_PID=
cleanup() {
    if [ -n "$NGINX_PID" ]; then
        kill "$NGINX_PID" 2>/dev/null || true   # TERM to the master: fast shutdown, workers too
        wait "$NGINX_PID" 2>/dev/null || true
        NGINX_PID=
    fi
    if [ -z "$KEEP" ] && [ -n "${WORK:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "$KEEP" ]; then
    mkdir -p "$KEEP"
    WORK=$(cd "$KEEP" && pwd)
else
    WORK=$(mktemp -d /tmp/feedwatch-pollbench.XXXXXX)
fi
chmod 755 "$WORK"
echo "== generating $FEEDS feeds in $WORK/www" >&2
rm -rf "$WORK/www"
python3 "$ROOT/scripts/bench/generate_poll_feeds.py" "$WORK/www" --feeds "$FEEDS" >&2

# nginx: its own config, pid, logs and temp paths in $WORK; the master runs as us (root:
# `user root`, so the workers can read a 0700 temp tree too), in the foreground of a background job.
mkdir -p "$WORK/nginx-tmp"
start_nginx() {
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    {
        [ "$(id -u)" = 0 ] && echo "user root;"
        cat <<EOF
worker_processes 2;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    types { application/rss+xml xml; }
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65s;
    keepalive_requests 1000000;
    etag on;
    open_file_cache max=$((FEEDS + 1000)) inactive=300s;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    server {
        listen 127.0.0.1:$PORT;
        root $WORK/www;
        location / { }
    }
}
EOF
    } >"$WORK/nginx.conf"
    "$NGINX" -p "$WORK" -e "$WORK/nginx-error.log" -c "$WORK/nginx.conf" &
    NGINX_PID=$!
    for _ in $(seq 1 50); do
        if ! kill -0 "$NGINX_PID" 2>/dev/null; then wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=; return 1; fi
        if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/f00000.xml"; then return 0; fi
        sleep 0.1
    done
    return 1
}
started=
for _ in 1 2 3 4 5; do   # the port may be taken between choosing and binding it: try another
    if start_nginx; then started=1; break; fi
done
[ -n "$started" ] || { echo "nginx did not start; $WORK/nginx-error.log:" >&2; cat "$WORK/nginx-error.log" >&2 || true; exit 1; }
echo "== nginx $("$NGINX" -v 2>&1 | sed 's/.*\///') (pid $NGINX_PID) on 127.0.0.1:$PORT" >&2

# feedwatch: config with every URL, state and log in $WORK/state, one watch that never matches.
mkdir -p "$WORK/watchlists.d"
cat >"$WORK/watchlists.d/never.yaml" <<'EOF'
# One watch whose name appears in no generated feed.
watch:
  - name: Zebulon Quixotezzyx
    type: person
EOF
{
    echo "state: state/state.sqlite"
    echo "alert_log: state/alerts.jsonl"
    echo "interval: 15m"
    echo "backfill: none"
    echo "watchlists: watchlists.d"
    echo "feeds:"
    for ((i = 0; i < FEEDS; i++)); do printf '  - url: http://127.0.0.1:%d/f%05d.xml\n' "$PORT" "$i"; done
} >"$WORK/feedwatch.yaml"
# curl: one config, `url` and `output` per feed; a second one asks for 304s (every file has the
# same mtime, so one If-Modified-Since fits all).
{
    echo 'write-out = "%{http_code}\n"'
    for ((i = 0; i < FEEDS; i++)); do printf 'url = "http://127.0.0.1:%d/f%05d.xml"\noutput = "/dev/null"\n' "$PORT" "$i"; done
} >"$WORK/curl.cfg"
grep -o 'http://[^"]*' "$WORK/curl.cfg" >"$WORK/urls.txt"
PROBE=
if command -v cc >/dev/null && cc -O2 -o "$WORK/multi_probe" "$ROOT/scripts/bench/multi_probe.c" -lcurl >&2; then
    PROBE="$WORK/multi_probe"
else
    echo "note: no C compiler or libcurl headers: the C libcurl-multi rows are left out" >&2
fi
LAST_MODIFIED=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import generate_poll_feeds as g; print(g.LAST_MODIFIED)' "$ROOT/scripts/bench")
"$BIN" check --config "$WORK/feedwatch.yaml" >&2

python3 - "$BIN" "$WORK" "$FEEDS" "$RUNS" "$LAST_MODIFIED" "$PROBE" "$NGINX" <<'PY'
import os, re, statistics, subprocess, sys, time
sys.path.insert(0, os.path.join(os.getcwd(), "scripts", "bench"))
from benchlib import print_table  # noqa: E402

binary, work, feeds, runs, last_modified, probe_bin, nginx = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]
config = os.path.join(work, "feedwatch.yaml")
state_dir = os.path.join(work, "state")
curl_cfg = os.path.join(work, "curl.cfg")
ITEMS = 20
WARM_RATIO, WARM_MB, COLD_RATIO = 2.0, 100.0, 3.0
SUMMARY = re.compile(r"polled (\d+) feeds: (\d+) fetched, (\d+) unchanged, (\d+) failed; (\d+) new entries; (\d+) new alerts written")


def timed(argv):
    """Wall time (s, perf_counter around the whole process) and peak RSS (KB, GNU time %M)."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "@@time %e %M"] + argv, capture_output=True, text=True)
    wall = time.perf_counter() - start
    lines = done.stderr.splitlines()
    marks = [l for l in lines if l.startswith("@@time ")]
    if not marks:
        sys.exit("%s: no timing (exit %d): %s" % (argv[0], done.returncode, done.stderr[-2000:]))
    rss = int(marks[-1].split()[2])
    err = "\n".join(l for l in lines if not l.startswith("@@time ") and "Command exited with non-zero" not in l)
    return wall, rss, done.returncode, done.stdout, err


def curl(conditional):
    argv = ["curl", "--parallel", "--parallel-max", "64", "-s", "-K", curl_cfg]
    if conditional:
        argv += ["-H", "If-Modified-Since: " + last_modified]
    wall, rss, rc, out, err = timed(argv)
    codes = out.split()
    want = "304" if conditional else "200"
    good = sum(1 for c in codes if c == want)
    if good != feeds:
        sys.exit("curl%s: %d of %d answered %s (exit %d) %s" % (" (304 pass)" if conditional else "", good, feeds, want, rc, err[:500]))
    return wall, rss


def probe(window, conditional):
    """The C libcurl-multi loop, feedwatch's limits (64 connections, 2 per host)."""
    argv = [probe_bin, os.path.join(work, "urls.txt"), "--window", str(window), "--per-host", "2", "--total", "64"]
    if conditional:
        argv += ["--ims", last_modified]
    wall, rss, rc, out, err = timed(argv)
    m = re.search(r"(\d+) x 200, (\d+) x 304, (\d+) failed", out)
    want = (0, feeds, 0) if conditional else (feeds, 0, 0)
    if rc != 0 or not m or tuple(map(int, m.groups())) != want:
        sys.exit("multi_probe %s failed (exit %d): %s %s" % (" ".join(argv[2:]), rc, out, err[-500:]))
    return wall, rss


def feedwatch(cold):
    if cold:
        subprocess.run(["rm", "-rf", state_dir], check=True)
    wall, rss, rc, out, err = timed([binary, "run", "--once", "--config", config])
    m = SUMMARY.search(out)
    if rc != 0 or not m:
        sys.exit("feedwatch run --once (%s) failed (exit %d): %s %s" % ("cold" if cold else "warm", rc, out[-1000:], err[-1000:]))
    polled, fetched, unchanged, failed, new, alerts = map(int, m.groups())
    want = (feeds, feeds, 0, 0, feeds * ITEMS, 0) if cold else (feeds, 0, feeds, 0, 0, 0)
    if (polled, fetched, unchanged, failed, new, alerts) != want:
        sys.exit("feedwatch run --once (%s): unexpected summary: %s\n%s" % ("cold" if cold else "warm", m.group(0), err[-2000:]))
    return wall, rss, m.group(0)


def fetch_parse():
    """The cold cycle's fetch-and-parse part alone: the daemon's Fetcher and FeedParser, no state."""
    bench = os.path.join(os.path.dirname(binary), "feedwatch-bench")
    wall, rss, rc, out, err = timed([bench, "fetch-parse", os.path.join(work, "urls.txt")])
    m = re.search(r"fetched=(\d+) failed=(\d+) entries=(\d+)", out)
    if rc != 0 or not m or tuple(map(int, m.groups())) != (feeds, 0, feeds * ITEMS):
        sys.exit("feedwatch-bench fetch-parse failed (exit %d): %s %s" % (rc, out[-500:], err[-500:]))
    return wall, rss


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def first_line(argv):
    done = subprocess.run(argv, capture_output=True, text=True)
    return ((done.stdout or done.stderr).strip().splitlines() or ["?"])[0]


total_bytes = sum(e.stat().st_size for e in os.scandir(os.path.join(work, "www")))
print("machine: %d cores (nproc), %s, %.1f GB RAM; load average before: %s"
      % (os.cpu_count(), cpu_model(), os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30,
         " ".join(open("/proc/loadavg").read().split()[:3])))
print("software: %s; %s; %s" % (first_line(["curl", "--version"]), first_line([nginx, "-v"]),
                                first_line([binary, "--version"])))
print("workload: %d feeds, %d items each, %.1f MB in all (mean %.1f KB), nginx on 127.0.0.1, "
      "2 workers, keepalive; best and median of %d rounds" % (feeds, ITEMS, total_bytes / 1e6, total_bytes / feeds / 1e3, runs))
sys.stdout.flush()

# Warm up: nginx's open-file cache and the page cache, the binaries.
curl(False)
curl(True)
feedwatch(True)
feedwatch(False)

keys = ("curl", "curl304", "cold", "fetchparse", "warm") + (("c64", "c64_304", "call", "call_304") if probe_bin else ())
results = {k: [] for k in keys}
summaries = {}
for r in range(runs):  # interleaved, so noise from other work falls on all alike
    results["curl"].append(curl(False))
    results["curl304"].append(curl(True))
    if probe_bin:
        results["c64"].append(probe(64, False))
        results["c64_304"].append(probe(64, True))
        results["call"].append(probe(0, False))
        results["call_304"].append(probe(0, True))
    results["fetchparse"].append(fetch_parse())
    w, m, s = feedwatch(True)
    results["cold"].append((w, m)); summaries["cold"] = s
    w, m, s = feedwatch(False)
    results["warm"].append((w, m)); summaries["warm"] = s
    print("round %d: curl %.2fs, curl 304 %.2fs, fetch+parse %.2fs, feedwatch cold %.2fs, warm %.2fs"
          % (r + 1, results["curl"][-1][0], results["curl304"][-1][0], results["fetchparse"][-1][0],
             results["cold"][-1][0], results["warm"][-1][0]))
    sys.stdout.flush()

best = {k: min(w for w, _ in v) for k, v in results.items()}
median = {k: statistics.median(w for w, _ in v) for k, v in results.items()}
peak = {k: max(m for _, m in v) / 1024 for k, v in results.items()}
ref = best["curl"]
state_mb = sum(os.path.getsize(os.path.join(state_dir, f)) for f in os.listdir(state_dir)) / 1e6

rows = [
    ("curl --parallel-max 64, all 200", "curl"),
    ("curl --parallel-max 64, all 304 (If-Modified-Since)", "curl304"),
]
if probe_bin:
    rows += [
        ("C libcurl multi, window 64, 2/host, all 200", "c64"),
        ("C libcurl multi, window 64, 2/host, all 304", "c64_304"),
        ("C libcurl multi, all at once, 2/host, all 200", "call"),
        ("C libcurl multi, all at once, 2/host, all 304", "call_304"),
    ]
rows += [
    ("feedwatch fetch + parse only (feedwatch-bench fetch-parse)", "fetchparse"),
    ("feedwatch run --once, cold (all 200, all new)", "cold"),
    ("feedwatch run --once, warm (all 304)", "warm"),
]
header = ("run", "best s", "median s", "feeds/s (best)", "× curl (200)", "× curl (304)", "peak RSS MB")
table = [header] + [(name, "%.2f" % best[k], "%.2f" % median[k], "{:,.0f}".format(feeds / best[k]),
                     "%.2f×" % (best[k] / ref), "%.2f×" % (best[k] / best["curl304"]), "%.1f" % peak[k])
                    for name, k in rows]
print_table(header, table[1:])
print()
print("cold summary: " + summaries["cold"])
print("warm summary: " + summaries["warm"])
print("state after a cycle: %.1f MB (state.sqlite and WAL)" % state_mb)
print()
verdict = lambda ok: "PASS" if ok else "MISS"
print("target  warm cycle ≤ %.0f× curl: %.2f×  %s" % (WARM_RATIO, best["warm"] / ref, verdict(best["warm"] / ref <= WARM_RATIO)))
print("target  warm cycle peak RSS < %.0f MB: %.1f MB  %s" % (WARM_MB, peak["warm"], verdict(peak["warm"] < WARM_MB)))
print("target  cold fetch-and-parse ≤ %.0f× curl: %.2f×  %s  (the daemon's fetcher and parser, process start "
      "included, no state)" % (COLD_RATIO, best["fetchparse"] / ref, verdict(best["fetchparse"] / ref <= COLD_RATIO)))
print("        the whole cold cycle (also SQLite: seen keys, feed state): %.2f× curl" % (best["cold"] / ref))
PY
