#!/usr/bin/env bash
# End-to-end service test under a real systemd 252: boots a debootstrapped Debian 12 root in
# systemd-nspawn, installs feedwatch there with `make install`, and checks, inside the container,
# that the unit becomes active, alerts appear, `systemctl reload` takes a changed watch list, a
# watchdog stall gets the service restarted, and `systemctl stop` exits cleanly.
#
# Exit 0: passed. Exit 77: cannot run on this machine (says why, loudly). Anything else: failed.
# The Debian root is cached in /var/cache/feedwatch-nspawn (FEEDWATCH_NSPAWN_CACHE to move it).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT_DIR=$(pwd)
CACHE=${FEEDWATCH_NSPAWN_CACHE:-/var/cache/feedwatch-nspawn}
skip() { echo "NSPAWN SERVICE TEST SKIPPED: $*" >&2; exit 77; }

[ "$(id -u)" = 0 ] || skip "needs root"
export DEBIAN_FRONTEND=noninteractive
need=""
command -v systemd-nspawn >/dev/null || need="$need systemd-container"
command -v debootstrap >/dev/null || need="$need debootstrap"
if [ -n "$need" ]; then apt-get update -qq && apt-get install -y -qq $need >/dev/null || skip "cannot install$need"; fi

BASE="$CACHE/root"
# What the machine needs: systemd, the libraries feedwatch links (libmimalloc2.0 when the build
# links mimalloc, see Package.swift) or loads (libcurl4), and python3 for the feed server.
PACKAGES="systemd systemd-sysv dbus procps libcurl4 libxml2 libsqlite3-0 libmimalloc2.0 ca-certificates python3"
if [ ! -x "$BASE/usr/lib/systemd/systemd" ]; then
    echo "== debootstrap Debian 12 into $BASE (cached for later runs)" >&2
    rm -rf "$BASE"; mkdir -p "$CACHE"
    debootstrap --variant=minbase --include="${PACKAGES// /,}" \
        bookworm "$BASE" http://deb.debian.org/debian >&2 || skip "debootstrap failed (no Debian mirror?)"
fi
# A root cached before a package joined the list gets it now.
missing=""
for p in $PACKAGES; do
    chroot "$BASE" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "== installing$missing into the cached root $BASE" >&2
    systemd-nspawn --quiet --register=no --keep-unit --pipe -D "$BASE" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$missing" >&2 \
        || skip "cannot install$missing into $BASE (no Debian mirror?)"
fi

echo "== static release build and make install into a staging root" >&2
STAGE=$(mktemp -d); WORK=$(mktemp -d)
trap 'rm -rf "$STAGE" "$WORK"' EXIT
make install DESTDIR="$STAGE" SWIFT_BUILD_FLAGS="--static-swift-stdlib --scratch-path .build-static" >&2 || exit 1

# The machine: a copy of the cached root with feedwatch installed, a feed server, and the checks.
MACHINE="$WORK/root"
cp -a "$BASE" "$MACHINE"
cp -a "$STAGE"/. "$MACHINE"/
chmod 0755 "$MACHINE"   # the staging dir is mktemp's 0700, and "cp -a STAGE/." copied that onto /
mkdir -p "$MACHINE/srv/feeds" "$MACHINE/results"
cp config/samples/world-news.rss.xml config/samples/europe-desk.atom.xml "$MACHINE/srv/feeds/"
cat > "$MACHINE/etc/feedwatch/feedwatch.yaml" <<'YAML'
state: /var/lib/feedwatch/state.sqlite
alert_log: /var/log/feedwatch/alerts.jsonl
interval: 30s
backfill: all
watchlists: /etc/feedwatch/watchlists.d
feeds:
  - url: http://127.0.0.1:8099/world-news.rss.xml
YAML
cat > "$MACHINE/etc/systemd/system/feedserver.service" <<'UNIT'
[Unit]
Description=Sample feed server for the test
[Service]
ExecStart=/usr/bin/python3 -m http.server 8099 --bind 127.0.0.1 --directory /srv/feeds
[Install]
WantedBy=multi-user.target
UNIT
cat > "$MACHINE/usr/local/bin/feedwatch-checks" <<'CHECKS'
#!/bin/bash
# Runs inside the container after boot; writes one line per check to /results/log.
exec >/results/log 2>&1
ok() { echo "PASS $*"; }; bad() { echo "FAIL $*"; }
wait_for() { for i in $(seq 1 "$2"); do eval "$1" && return 0; sleep 1; done; return 1; }
systemctl start feedserver
wait_for 'python3 -c "import urllib.request; urllib.request.urlopen(\"http://127.0.0.1:8099/world-news.rss.xml\")" 2>/dev/null' 20
systemctl start feedwatch
wait_for '[ "$(systemctl is-active feedwatch)" = active ]' 30 && ok "unit active" || { bad "unit not active"; journalctl -u feedwatch --no-pager | tail -25; }
wait_for '[ -s /var/log/feedwatch/alerts.jsonl ]' 30 && ok "alerts written ($(wc -l </var/log/feedwatch/alerts.jsonl) lines)" || bad "no alerts"
grep -qs '"watch":"Vladimir Putin"' /var/log/feedwatch/alerts.jsonl && ok "Putin alert" || bad "no Putin alert"
# Reload: a new watch list and a second feed; the new watch must alert without a restart.
printf 'watch:\n  - name: European Union\n    type: organization\n    aliases: [EU]\n' > /etc/feedwatch/watchlists.d/eu.yaml
sed -i 's|^feeds:|feeds:\n  - url: http://127.0.0.1:8099/europe-desk.atom.xml|' /etc/feedwatch/feedwatch.yaml
pid=$(systemctl show -p MainPID --value feedwatch)
systemctl reload feedwatch && ok "reload accepted" || bad "reload failed"
wait_for 'grep -qs "\"watch\":\"European Union\"" /var/log/feedwatch/alerts.jsonl' 40 && ok "reload took the new watch list" || bad "new watch never alerted"
[ "$(systemctl show -p MainPID --value feedwatch)" = "$pid" ] && ok "same process after reload" || bad "process changed on reload"
# Watchdog: a stalled loop (test switch) with a short WatchdogSec must be restarted by systemd.
mkdir -p /run/systemd/system/feedwatch.service.d
printf '[Service]\nWatchdogSec=4s\nEnvironment=FEEDWATCH_TEST_STALL=1\n' > /run/systemd/system/feedwatch.service.d/stall.conf
systemctl daemon-reload; systemctl restart feedwatch
wait_for 'journalctl -u feedwatch --no-pager | grep -q "Watchdog timeout"' 30 && ok "watchdog caught the stalled loop" || bad "no watchdog timeout"
wait_for '[ "$(systemctl show -p NRestarts --value feedwatch)" -ge 1 ]' 30 && ok "systemd restarted it" || bad "no restart after the watchdog timeout"
rm -f /run/systemd/system/feedwatch.service.d/stall.conf; systemctl daemon-reload; systemctl reset-failed feedwatch; systemctl restart feedwatch
wait_for '[ "$(systemctl is-active feedwatch)" = active ]' 30
# Stop: clean exit, status 0, "stopped" in the journal.
systemctl stop feedwatch
result=$(systemctl show -p Result --value feedwatch); status=$(systemctl show -p ExecMainStatus --value feedwatch)
[ "$result" = success ] && [ "$status" = 0 ] && ok "clean stop" || bad "stop: Result=$result status=$status"
journalctl -u feedwatch --no-pager | grep -q "stopped" && ok "journal says stopped" || bad "no 'stopped' in the journal"
echo DONE
systemctl poweroff
CHECKS
chmod +x "$MACHINE/usr/local/bin/feedwatch-checks"
cat > "$MACHINE/etc/systemd/system/feedwatch-checks.service" <<'UNIT'
[Unit]
Description=feedwatch service checks
# Not After=multi-user.target: it is wanted by that target, and the cycle would drop it.
After=basic.target systemd-user-sessions.service
[Service]
Type=oneshot
ExecStart=/usr/local/bin/feedwatch-checks
[Install]
WantedBy=multi-user.target
UNIT
ln -sf /etc/systemd/system/feedwatch-checks.service "$MACHINE/etc/systemd/system/multi-user.target.wants/feedwatch-checks.service"

echo "== booting systemd in systemd-nspawn" >&2
timeout 240 systemd-nspawn --quiet --register=no --keep-unit -b -D "$MACHINE" >"$WORK/console.log" 2>&1
code=$?
cp "$WORK/console.log" /tmp/feedwatch-nspawn-console.log 2>/dev/null
if [ ! -s "$MACHINE/results/log" ]; then
    tail -20 "$WORK/console.log" >&2
    [ $code = 124 ] && { echo "the container did not finish in 240 s (console: /tmp/feedwatch-nspawn-console.log)" >&2; exit 1; }
    skip "systemd-nspawn could not boot a container here (exit $code)"
fi
cat "$MACHINE/results/log"
grep -q '^DONE' "$MACHINE/results/log" || { echo "checks did not finish" >&2; exit 1; }
! grep -q '^FAIL' "$MACHINE/results/log"
