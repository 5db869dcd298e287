#!/usr/bin/env bash
# Parse speed benchmark: `feedwatch parse --stats` against `xmllint --stream --noout` on the
# same generated 5 MB RSS and Atom feeds, in the same run (see docs/benchmarks.md).
#
#   scripts/bench/parse_bench.sh [OUTDIR]
#
# OUTDIR keeps the generated feeds (default: a temporary directory, removed at exit).
# RUNS=N sets the best-of count (default 5). SCRATCH=DIR sets the build directory (default
# .build-bench, so a build in .build is never disturbed); SWIFT_BUILD_FLAGS as in the Makefile
# (default --static-swift-stdlib). A measurement, not a test: it exits 0
# whether the targets are met or missed, and non-zero only when it cannot measure.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SCRATCH=${SCRATCH:-.build-bench}
RUNS=${RUNS:-5}
# The Makefile's release flags (static Swift runtime), so the binary measured is the one `make
# install` ships; SWIFT_BUILD_FLAGS= (empty) measures a build against the shared Swift libraries.
SWIFT_BUILD_FLAGS=${SWIFT_BUILD_FLAGS---static-swift-stdlib}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

apt_install() {
    echo "installing $*" >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2 \
        || { $SUDO apt-get update -qq >&2 && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2; }
}
command -v xmllint >/dev/null || apt_install libxml2-utils
[ -x /usr/bin/time ] || apt_install time

echo "== swift build -c release $SWIFT_BUILD_FLAGS --scratch-path $SCRATCH" >&2
swift build -c release $SWIFT_BUILD_FLAGS --scratch-path "$SCRATCH" >&2
case $SCRATCH in /*) BIN="$SCRATCH/release/feedwatch" ;; *) BIN="$ROOT/$SCRATCH/release/feedwatch" ;; esac

if [ $# -ge 1 ]; then
    OUTDIR=$1
else
    OUTDIR=$(mktemp -d /tmp/feedwatch-bench.XXXXXX)
    trap 'rm -rf "$OUTDIR"' EXIT
fi
echo "== generating feeds in $OUTDIR" >&2
python3 "$ROOT/scripts/bench/generate_feeds.py" "$OUTDIR" >&2

python3 - "$BIN" "$RUNS" "$OUTDIR/rss-5mb.xml" "$OUTDIR/atom-5mb.xml" <<'PY'
import os, re, subprocess, sys, time
sys.path.insert(0, os.path.join(os.getcwd(), "scripts", "bench"))
from benchlib import print_table  # noqa: E402

binary, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
TARGET_RATIO, TARGET_MBS, TARGET_MEM = 1.3, 130.0, 3.0


def wall_ms(argv):
    """Whole-process wall time of one run, in ms; stdout is discarded, a failure is fatal."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0 or done.stderr:
        sys.exit("%s failed (exit %d): %s" % (" ".join(argv), done.returncode, done.stderr.decode()[:500]))
    return elapsed


def peak_rss_kb(argv):
    """Peak resident set size of one run, from GNU time's %M (KB)."""
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=True)
    return int(done.stderr.strip().splitlines()[-1])


def stats(argv):
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    return {k: v for k, v in re.findall(r"(\w+)=(\S+)", out)}


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


version = subprocess.run(["xmllint", "--version"], capture_output=True, text=True).stderr.splitlines()[0]
def allocator(path):
    """Which malloc the binary got: mimalloc when libmimalloc-dev was installed when the manifest
    was evaluated (SwiftPM caches that evaluation; `swift build --manifest-cache none` redoes it)."""
    needed = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
    return "mimalloc" if "libmimalloc" in needed else "glibc malloc"


print("machine: %d cores (nproc), %s; %s; best of %d runs; feedwatch allocates with %s"
      % (os.cpu_count(), cpu_model(), version, runs, allocator(binary)))

# What the runtime alone costs in memory: a 1 KB feed.
tiny = os.path.join(os.path.dirname(files[0]), "tiny.xml")
with open(tiny, "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            + "<item><title>x</title><description>&lt;p&gt;y&lt;/p&gt;</description></item>" * 10
            + "</channel></rss>")
baseline_kb = max(peak_rss_kb([binary, "parse", "--stats", tiny]) for _ in range(3))
# ... and in time: process start, loading and exit with next to no parsing.
floor_fw = min(wall_ms([binary, "parse", "--stats", tiny]) for _ in range(runs))
floor_xl = min(wall_ms(["xmllint", "--stream", "--noout", tiny]) for _ in range(runs))

rows, notes = [], []
for path in files:
    size = os.path.getsize(path)
    mb = size / 1e6
    xmllint = ["xmllint", "--stream", "--noout", path]
    feedwatch = [binary, "parse", "--stats", path]
    wall_ms(xmllint), wall_ms(feedwatch)  # warm the page cache and the binaries
    xl, fw = [], []
    for _ in range(runs):  # interleaved, so noise from other work falls on both alike
        xl.append(wall_ms(xmllint))
        fw.append(wall_ms(feedwatch))
    inproc = stats([binary, "parse", "--stats", "--repeat", str(runs), path])
    if inproc.get("bozo") != "false":
        notes.append("%s: feedwatch reports bozo=%s" % (os.path.basename(path), inproc.get("bozo")))
    rss_kb = max(peak_rss_kb(feedwatch) for _ in range(3))
    xl_rss_kb = max(peak_rss_kb(xmllint) for _ in range(3))
    in_ms = float(inproc["total_ms"])
    rows.append(dict(
        name=os.path.basename(path), mb=mb, xl=min(xl), inproc=in_ms, proc=min(fw),
        ratio=min(fw) / min(xl), mbs=mb / (in_ms / 1000), mem=rss_kb * 1024 / size,
        mem_net=(rss_kb - baseline_kb) * 1024 / size, parse_ms=inproc["parse_ms"], text_ms=inproc["text_ms"],
        entries=inproc["entries"], xl_mbs=mb / (min(xl) / 1000), rss_mb=rss_kb / 1024, xl_rss_mb=xl_rss_kb / 1024,
    ))

header = ("file", "MB", "xmllint ms", "fw in-proc ms", "fw process ms", "ratio fw/xmllint",
          "MB/s (in-proc)", "peak RSS/input")
table = [header] + [(r["name"], "%.2f" % r["mb"], "%.1f" % r["xl"], "%.1f" % r["inproc"], "%.1f" % r["proc"],
                     "%.2f×" % r["ratio"], "%.1f" % r["mbs"], "%.2f×" % r["mem"]) for r in rows]
print_table(header, table[1:])
print()
for r in rows:
    print("%s: %s entries; in-process parse %s ms + HTML→text %s ms (%.2f× xmllint's process time); "
          "xmllint %.1f MB/s; peak RSS feedwatch %.1f MB, xmllint %.1f MB"
          % (r["name"], r["entries"], r["parse_ms"], r["text_ms"], r["inproc"] / r["xl"], r["xl_mbs"],
             r["rss_mb"], r["xl_rss_mb"]))
print("feedwatch peak RSS on a 1 KB feed (runtime alone): %.1f MB; above that, per input byte: %s"
      % (baseline_kb / 1024, ", ".join("%s %.2f×" % (r["name"], r["mem_net"]) for r in rows)))
print("process floor (the same 1 KB feed): feedwatch %.1f ms, xmllint %.1f ms" % (floor_fw, floor_xl))
for note in notes:
    print("warning: " + note)

print()
verdict = lambda ok: "PASS" if ok else "MISS"
for r in rows:
    print("target  %-13s process time ≤ %.1f× xmllint: %.2f×  %s"
          % (r["name"], TARGET_RATIO, r["ratio"], verdict(r["ratio"] <= TARGET_RATIO)))
for r in rows:
    if r["name"].startswith("rss"):
        print("target  %-13s in-process ≥ %d MB/s: %.1f MB/s  %s"
              % (r["name"], TARGET_MBS, r["mbs"], verdict(r["mbs"] >= TARGET_MBS)))
for r in rows:
    print("target  %-13s peak RSS ≤ %.0f× input: %.2f×  %s"
          % (r["name"], TARGET_MEM, r["mem"], verdict(r["mem"] <= TARGET_MEM)))
PY
