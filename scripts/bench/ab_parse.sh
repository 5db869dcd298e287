#!/usr/bin/env bash
# Interleaved A/B of two feedwatch builds on the parse benchmark's feeds (docs/benchmarks.md):
# for each round, OLD then NEW, RSS then Atom, `parse --stats --repeat 9`; prints the best parse
# and HTML→text times of each build. On a noisy machine, best-of-rounds interleaved is what tells
# a 2% change from the noise; one run of each is not.
#
#   scripts/bench/ab_parse.sh OLD_BINARY NEW_BINARY FEEDS_DIR [ROUNDS]
#
# FEEDS_DIR holds rss-5mb.xml and atom-5mb.xml (scripts/bench/generate_feeds.py FEEDS_DIR).
# To build the old side: git worktree add /tmp/ab-base REV && (cd /tmp/ab-base &&
#   swift build -c release --static-swift-stdlib --scratch-path .build-ab --product feedwatch)
set -euo pipefail
[ $# -ge 3 ] || { sed -n 2,12p "$0" >&2; exit 2; }
OLD=$1 NEW=$2 FEEDS=$3 ROUNDS=${4:-8}
for f in rss atom; do [ -f "$FEEDS/$f-5mb.xml" ] || { echo "ab_parse: $FEEDS/$f-5mb.xml missing" >&2; exit 2; }; done
printf "%-5s %-5s %9s %9s\n" build feed "parse ms" "text ms"
for _ in $(seq "$ROUNDS"); do
    for side in old new; do
        bin=$OLD; [ "$side" = new ] && bin=$NEW
        for f in rss atom; do
            out=$(nice -n -10 "$bin" parse --stats --repeat 9 "$FEEDS/$f-5mb.xml" 2>/dev/null || "$bin" parse --stats --repeat 9 "$FEEDS/$f-5mb.xml")
            parse=$(grep -o 'parse_ms=[0-9.]*' <<<"$out" | cut -d= -f2)
            text=$(grep -o 'text_ms=[0-9.]*' <<<"$out" | cut -d= -f2)
            echo "$side $f $parse $text"
        done
    done
done | awk '{k=$1" "$2; if(!(k in p)||$3<p[k])p[k]=$3; if(!(k in t)||$4<t[k])t[k]=$4}
            END{for(k in p){split(k,a," "); printf "%-5s %-5s %9.1f %9.1f\n", a[1], a[2], p[k], t[k]}}' | sort -k2,2 -k1,1r
