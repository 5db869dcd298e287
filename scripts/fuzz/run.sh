#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/Package.swift and runs each for a bounded time
# (docs/reliability.md, "Fuzzing").
#
#   scripts/fuzz/run.sh [SECONDS] [TARGET...]     SECONDS per target (default 60); targets by short name:
#                                                 feedparser dates htmltext entities rules config (default: all)
#                                                 FUZZ_JOBS of them at once (default: nproc)
#
# Everything generated lies under .build-fuzz/ (git-ignored): the build, seeds/<target> (rebuilt
# from the fixtures on each run, read only), corpus/<target> (what libFuzzer adds; kept between
# runs, never committed), logs/<target>.log and artifacts/<target>/ (crash-*, leak-*, timeout-*).
# Prints executions, exec/s and coverage per target; exits 1 when any target found a crash, leak
# or timeout, naming the file that reproduces it:  .build-fuzz/release/fuzz-<target> <file>
#
# Environment: FUZZ_CONFIG (release|debug, default release), FUZZ_TIMEOUT (seconds one input may
# take, default 10), FUZZ_RSS_MB (default 2048), FUZZ_NICE (niceness, default 0),
# FUZZ_ARGS (more libFuzzer flags), FUZZ_NO_BUILD=1 (use the binaries as built), FUZZ_BIN_DIR (run
# the binaries from there instead, e.g. copies for a long run while the code is rebuilt),
# FUZZ_LOG_DIR (default .build-fuzz/logs), FUZZ_SCRATCH (another scratch folder, e.g. for a cold build).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SCRATCH=${FUZZ_SCRATCH:-$ROOT/.build-fuzz}
ALL=(feedparser dates htmltext entities rules config)

SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL[@]}")
case $SECONDS_EACH in ''|*[!0-9]*) echo "run.sh: SECONDS must be a whole number, got '$SECONDS_EACH'" >&2; exit 2;; esac
for t in "${TARGETS[@]}"; do
    [[ " ${ALL[*]} " == *" $t "* ]] || { echo "run.sh: unknown target '$t' (known: ${ALL[*]})" >&2; exit 2; }
done

CONFIG=${FUZZ_CONFIG:-release}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS=${FUZZ_RSS_MB:-2048}
NICE=${FUZZ_NICE:-0}
BIN_DIR=${FUZZ_BIN_DIR:-$SCRATCH/$CONFIG}
LOG_DIR=${FUZZ_LOG_DIR:-$SCRATCH/logs}

# The largest input each target tries: a feed needs room for a few entries, the rest are short texts.
max_len() { case $1 in feedparser) echo 16384;; config|entities) echo 8192;; *) echo 4096;; esac; }
dict() { case $1 in feedparser) echo xml;; dates) echo dates;; htmltext) echo html;; entities) echo entities;; rules) echo rules;; config) echo yaml;; esac; }

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
    for t in "${TARGETS[@]}"; do
        echo "== building fuzz-$t ($CONFIG, -sanitize=fuzzer,address)"
        # One product at a time: building every product would also try to link the root package's
        # executables, whose own main clashes with libFuzzer's.
        (cd Fuzz && swift build -c "$CONFIG" --scratch-path "$SCRATCH" -Xswiftc -sanitize=fuzzer,address \
            --product "fuzz-$t" 2>&1 | grep -Ev "warning:|^ *[0-9]* *\||^ *\||note:" ) || true
        [ -x "$SCRATCH/$CONFIG/fuzz-$t" ] || { echo "run.sh: fuzz-$t did not build" >&2; exit 3; }
    done
fi

python3 scripts/fuzz/seeds.py "$SCRATCH/seeds" >/dev/null || { echo "run.sh: seeds.py failed" >&2; exit 3; }

# Targets run FUZZ_JOBS at a time (default: the number of CPUs): libFuzzer uses one core, so on
# two cores two targets at once take half the wall time and each still gets a whole core.
JOBS=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
case $JOBS in ''|*[!0-9]*|0) echo "run.sh: FUZZ_JOBS must be a positive whole number, got '$JOBS'" >&2; exit 2;; esac

# Runs one target; its summary line goes to $LOG_DIR/$t.summary, and its exit status says
# whether it found something.
fuzz_one() {
    local t=$1 corpus=$SCRATCH/corpus/$1 artifacts=$SCRATCH/artifacts/$1 log=$LOG_DIR/$1.log
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    local start code elapsed runs rate last cov ft corp found result
    start=$(date +%s)
    # shellcheck disable=SC2086
    nice -n "$NICE" "$BIN_DIR/fuzz-$t" \
        -max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb="$RSS" -max_len="$(max_len "$t")" \
        -dict="scripts/fuzz/dicts/$(dict "$t").dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        ${FUZZ_ARGS:-} "$corpus" "$SCRATCH/seeds/$t" >"$log" 2>&1
    code=$?
    elapsed=$(( $(date +%s) - start ))
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    corp=$(sed -nE 's/.* corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$last")
    found=$(grep -oE "(Test unit|artifact) written to [^ ]+" "$log" | sed -E 's/.* to //' | tail -1)
    if [ $code -ne 0 ] || [ -n "$found" ]; then
        result="FAILED (exit $code) ${found:-see log}"
        grep -E "ERROR: |SUMMARY: |Fatal error|==[0-9]+==" "$log" | head -5 | sed "s/^/   $t: /"
    else
        result=ok
    fi
    printf '%-11s %6ss %11s %8s %6s %7s %12s  %s\n' "$t" "$elapsed" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result" \
        >"$LOG_DIR/$t.summary"
    [ "$result" = ok ]
}

status=0
running=0
for t in "${TARGETS[@]}"; do
    if [ $running -ge "$JOBS" ]; then
        wait -n || status=1
        running=$((running - 1))
    fi
    echo "== fuzz-$t for ${SECONDS_EACH}s (log: ${LOG_DIR#$ROOT/}/$t.log)"
    rm -f "$LOG_DIR/$t.summary"
    fuzz_one "$t" &
    running=$((running + 1))
done
while [ $running -gt 0 ]; do
    wait -n || status=1
    running=$((running - 1))
done
summary=()
for t in "${TARGETS[@]}"; do
    if [ -s "$LOG_DIR/$t.summary" ]; then
        summary+=("$(cat "$LOG_DIR/$t.summary")")
    else
        status=1
        summary+=("$(printf '%-11s %7s  %s' "$t" "?" "FAILED (no summary: the run did not finish)")")
    fi
done

echo
printf '%-11s %7s %11s %8s %6s %7s %12s  %s\n' target time runs exec/s cov ft corpus result
printf '%s\n' "${summary[@]}"
if [ $status -ne 0 ]; then
    echo "run.sh: a target failed; reproduce with ${BIN_DIR#$ROOT/}/fuzz-<target> <file>, minimise with -minimize_crash=1 -runs=10000"
fi
exit $status
