#!/bin/sh
# Start-up benchmark (docs/benchmarks.md, target 8): runs the minimal JavaFX window, the app with --startup-probe,
# and the app with its class-data-sharing archive, N times each, interleaved, under Xvfb, and prints the medians:
# the app's first frame vs the minimal window (target <= 1.3) and the main view ready (target <= 1.8).
# Usage: bench/startup.sh [N]   (default 10; builds with -Pbench first unless BENCH_NO_BUILD=1)
# The archive is made as the dist profile makes the installed app's: a training run on the headless Monocle
# platform lists the classes the start loads, and -Xshare:dump writes them for this class path.
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

cds=target/bench-cds
if [ "${BENCH_NO_BUILD:-}" != "1" ] || [ ! -f "$cds/app.jsa" ]; then
    mkdir -p "$cds"
    mvn -B -q -ntp -Dstyle.color=never dependency:copy -Dartifact=one.jpro:openjfx-monocle:jfx-21 \
        -DoutputDirectory="$cds" -Dmdep.stripVersion=true >&2
    rm -rf "$cds/home" "$cds/classes.lst" "$cds/app.jsa"
    "$JAVA" -XX:DumpLoadedClassList="$cds/classes.lst" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
        $opts -Dbifrostdesk.home="$cds/home" -cp "$cp$cds/openjfx-monocle.jar" bifrostdesk.app.Launcher \
        --startup-probe >/dev/null 2>&1 || { echo "the training run failed" >&2; exit 1; }
    "$JAVA" -Xshare:dump -XX:SharedClassListFile="$cds/classes.lst" -XX:SharedArchiveFile="$cds/app.jsa" \
        -Xlog:cds=off -cp "$cp" >/dev/null 2>&1 || { echo "the archive could not be dumped" >&2; exit 1; }
fi

probe() { # $1 = main class, rest = args; prints the probe's lines (startup-ms=…, and ready-ms=… for the app)
    BIFROST_DESK_HOME="$home" xvfb-run -a "$JAVA" $opts -cp "$cp" "$@" 2>/dev/null | grep -E '^(startup|ready)-ms='
}

app_ms=""; min_ms=""; ready_ms=""; cds_ms=""; cds_ready_ms=""
i=0
while [ "$i" -lt "$n" ]; do
    m=$(probe bifrostdesk.bench.MinimalWindow | sed -n 's/^startup-ms=//p' | head -n 1)
    out=$(probe bifrostdesk.app.Launcher --startup-probe)
    a=$(printf '%s\n' "$out" | sed -n 's/^startup-ms=//p' | head -n 1)
    r=$(printf '%s\n' "$out" | sed -n 's/^ready-ms=//p' | head -n 1)
    out=$(probe -XX:SharedArchiveFile="$cds/app.jsa" bifrostdesk.app.Launcher --startup-probe)
    ca=$(printf '%s\n' "$out" | sed -n 's/^startup-ms=//p' | head -n 1)
    cr=$(printf '%s\n' "$out" | sed -n 's/^ready-ms=//p' | head -n 1)
    [ -n "$a" ] && [ -n "$ca" ] || { echo "app run $i printed no startup-ms" >&2; exit 1; }
    [ -n "$r" ] && [ -n "$cr" ] || { echo "app run $i printed no ready-ms" >&2; exit 1; }
    [ -n "$m" ] || { echo "minimal run $i printed no startup-ms" >&2; exit 1; }
    echo "run $i: minimal=${m} ms; app first frame=${a} ms, ready=${r} ms; with archive first frame=${ca} ms, ready=${cr} ms" >&2
    app_ms="$app_ms $a"; min_ms="$min_ms $m"; ready_ms="$ready_ms $r"; cds_ms="$cds_ms $ca"; cds_ready_ms="$cds_ready_ms $cr"
    i=$((i + 1))
done
median() { printf '%s\n' $1 | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
am=$(median "$app_ms"); mm=$(median "$min_ms"); rm_=$(median "$ready_ms"); cm=$(median "$cds_ms"); cr=$(median "$cds_ready_ms")
awk -v a="$am" -v m="$mm" -v n="$n" -v rd="$rm_" -v ca="$cm" -v cr="$cr" 'BEGIN {
    r = a / m
    printf "startup runs=%d app-median-ms=%s minimal-median-ms=%s ratio=%.2f target<=1.3 %s\n", n, a, m, r, (r <= 1.3 ? "met" : "MISSED")
    printf "main view ready (toolbar, list, editor laid out) median-ms=%s (%.2fx the minimal window)\n", rd, rd / m
    printf "with the class-data-sharing archive: first frame median-ms=%s (%.2fx), ready median-ms=%s (%.2fx) target<=1.8 %s\n", ca, ca / m, cr, cr / m, (cr / m <= 1.8 ? "met" : "MISSED")
}'
