#!/bin/sh
# Soak benchmark: `feedwatch run` against 2,000 local feeds that change every minute, sampled
# each minute (RSS, open descriptors, database size, alerts). Fails when an expected alert is
# missing or written twice, or when memory or descriptors keep growing after warm-up.
#
#   scripts/soak/soak.sh [MINUTES]        # default 30; `soak.sh 2` is a smoke check
#
# Environment: FEEDS (2000), INTERVAL (30 s), PERIOD (60 s), WORKDIR (.soak), PLOT
# (docs/reliability-soak.png for runs of 30 minutes or more, else WORKDIR/soak.png),
# FEEDWATCH (a built binary; default: a release build in .build-soak).
set -eu
cd "$(dirname "$0")/../.."
MINUTES=${1:-30}
WORKDIR=${WORKDIR:-.soak}
if [ -z "${PLOT:-}" ]; then
    if [ "${MINUTES%%.*}" -ge 30 ] 2>/dev/null; then PLOT=docs/reliability-soak.png; else PLOT=$WORKDIR/soak.png; fi
fi
if [ -z "${FEEDWATCH:-}" ]; then
    swift build -c release --scratch-path .build-soak --product feedwatch >&2
    FEEDWATCH=$(swift build -c release --scratch-path .build-soak --show-bin-path)/feedwatch
fi
python3 -c 'import matplotlib' 2>/dev/null || echo "soak: matplotlib missing (pip install matplotlib): no plot" >&2
mkdir -p "$WORKDIR"
exec python3 scripts/soak/soak.py --minutes "$MINUTES" --feeds "${FEEDS:-2000}" \
    --interval "${INTERVAL:-30}" --period "${PERIOD:-60}" \
    --binary "$FEEDWATCH" --workdir "$WORKDIR" --plot "$PLOT" ${SOAK_ARGS:-}
