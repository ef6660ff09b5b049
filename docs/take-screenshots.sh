#!/bin/sh
# Takes the screenshots in docs/images from the BUILT product (run the build first) under Xvfb,
# with demo data: ./docs/take-screenshots.sh   (needs Xvfb, xdotool and ImageMagick's import; the X display is
# :95 unless OUTPOST_SCREENSHOT_DISPLAY names another number)
set -eu
cd "$(dirname "$0")/.."
product=releng/org.outpost.repository/target/products/org.outpost.desktop/linux/gtk/x86_64/outpost
out=docs/images
data=$(mktemp -d)
screen=${OUTPOST_SCREENSHOT_DISPLAY:-95}
Xvfb ":$screen" -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=":$screen"
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 2
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} OUTPOST_VM_ARGS="-Xmx1g -Doutpost.demo=events=2000" \
  "$product/outpost" -data "$data" >"$data/console.log" 2>&1 &
app=$!
# first start creates the database and 2,000 demo events, then asks for a server: work offline
for i in $(seq 1 120); do
  xdotool search --name "^Log in to the Outpost server" >/dev/null 2>&1 && break
  sleep 1
done
sleep 3
xdotool mousemove 921 496 click 1   # Cancel: no server for the screenshots
for i in $(seq 1 60); do
  xdotool search --name "^Outpost [0-9]" >/dev/null 2>&1 && break
  sleep 1
done
sleep 8
window=$(xdotool search --name "^Outpost [0-9]" | head -n 1)
xdotool windowsize "$window" 1440 900 windowmove "$window" 0 0
sleep 2
shot() { sleep 2; import -window root "$out/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 2; }
double() { xdotool mousemove "$1" "$2" click --repeat 2 --delay 80 1; sleep 3; }
close_dialog() { xdotool key Escape; sleep 1; }
photo="$data/fire-door-photo.png" && cp docs/images/events-register.png "$photo"
. "$(dirname "$0")/screenshot-steps.sh"
