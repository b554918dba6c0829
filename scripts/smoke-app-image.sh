#!/bin/sh
# Smoke test of the packaged app: builds the app image with jpackage, starts it under a virtual display, waits
# for its main window, takes a screenshot and checks that something was drawn. Exit 0 when the window showed.
# Needs: JDK 17 with jpackage, Maven, and the packages xvfb, libgtk-3-0, xdotool, imagemagick.
set -eu
cd "$(dirname "$0")/.."
rm -rf target/dist
mvn -B -ntp -q -Pdist package
app="target/dist/Bifrost Desk/bin/Bifrost Desk"
[ -x "$app" ] || { echo "no app image launcher at $app" >&2; exit 1; }
export DISPLAY=:97
Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
BIFROST_DESK_HOME="$home" "$app" >"$home/app.log" 2>&1 &
pid=$!
trap 'kill $pid $xvfb 2>/dev/null || true' EXIT
for i in $(seq 1 60); do
  if xdotool search --name "Bifrost Desk" >/dev/null 2>&1; then break; fi
  sleep 1
done
xdotool search --name "Bifrost Desk" >/dev/null 2>&1 || { echo "the main window did not appear" >&2; cat "$home/app.log" >&2; exit 1; }
# wait until it has connected to its built-in sandbox (a fixed pause was too short on a busy machine), then give
# the list a moment to show the keys
for i in $(seq 1 120); do
  if grep -q "Connected to" "$home/app.log"; then break; fi
  sleep 1
done
grep -q "Connected to" "$home/app.log" || { echo "the app did not connect to its sandbox" >&2; cat "$home/app.log" >&2; exit 1; }
sleep 3
import -window root target/smoke-app-image.png
drawn=$(convert target/smoke-app-image.png -fill white +opaque black -format '%[fx:mean]' info:)
echo "main window shown; $drawn of the screen drawn; screenshot target/smoke-app-image.png"
awk "BEGIN { exit !($drawn > 0.2) }"
