#!/bin/sh
# Start-up benchmark (docs/benchmarks.md, target 8): runs the app with --startup-probe and the minimal JavaFX
# window N times each, interleaved, under Xvfb, and prints both medians and their ratio (target <= 1.3).
# Usage: bench/startup.sh [N]   (default 10; builds with -Pbench first unless BENCH_NO_BUILD=1)
set -eu
n=${1:-10}
root=$(cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"
if [ "${BENCH_NO_BUILD:-}" != "1" ]; then
    mvn -B -q -ntp -Dstyle.color=never -Pbench -DskipTests package >&2
fi
# Both programs get the same class path: the app as packaged (target/jpackage-input: the app jar and its runtime
# dependencies, what jpackage ships), plus a jar with only MinimalWindow for the baseline.
(cd target/test-classes && jar cf ../bench-minimal-window.jar bifrostdesk/bench/MinimalWindow*.class)
cp="target/bench-minimal-window.jar:$(ls target/jpackage-input/*.jar | tr '\n' ':')"
home=$(mktemp -d)   # app data and logs of the probe runs stay out of the user's folders
trap 'rm -rf "$home"' EXIT
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
opts="-Dprism.order=sw"   # same renderer for both: Xvfb has no GPU

probe() { # $1 = main class, rest = args; prints the probe's lines (startup-ms=…, and ready-ms=… for the app)
    BIFROST_DESK_HOME="$home" xvfb-run -a "$JAVA" $opts -cp "$cp" "$@" 2>/dev/null | grep -E '^(startup|ready)-ms='
}

app_ms=""; min_ms=""; ready_ms=""
i=0
while [ "$i" -lt "$n" ]; do
    out=$(probe bifrostdesk.app.Launcher --startup-probe)
    a=$(printf '%s\n' "$out" | sed -n 's/^startup-ms=//p' | head -n 1)
    r=$(printf '%s\n' "$out" | sed -n 's/^ready-ms=//p' | head -n 1)
    m=$(probe bifrostdesk.bench.MinimalWindow | sed -n 's/^startup-ms=//p' | head -n 1)
    [ -n "$a" ] || { echo "app run $i printed no startup-ms" >&2; exit 1; }
    [ -n "$r" ] || { echo "app run $i printed no ready-ms" >&2; exit 1; }
    [ -n "$m" ] || { echo "minimal run $i printed no startup-ms" >&2; exit 1; }
    echo "run $i: app first frame=${a} ms, main view ready=${r} ms, minimal=${m} ms" >&2
    app_ms="$app_ms $a"; min_ms="$min_ms $m"; ready_ms="$ready_ms $r"
    i=$((i + 1))
done
median() { printf '%s\n' $1 | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
am=$(median "$app_ms"); mm=$(median "$min_ms"); rm_=$(median "$ready_ms")
awk -v a="$am" -v m="$mm" -v n="$n" -v rd="$rm_" 'BEGIN {
    r = a / m
    printf "startup runs=%d app-median-ms=%s minimal-median-ms=%s ratio=%.2f target<=1.3 %s\n", n, a, m, r, (r <= 1.3 ? "met" : "MISSED")
    printf "main view ready (toolbar, list, editor laid out) median-ms=%s (%.2fx the minimal window)\n", rd, rd / m
}'
