#!/bin/sh
# Retakes the README story's screenshots (docs/images/sync-*.png) from the BUILT products (./dev
# build first; this script builds nothing): a demo server on a free port with a data folder of its
# own, the desktop under Xvfb on a free display of its own, all removed afterwards. Steps 1 and 2
# (the first start's login and the initial sync under way) on the demo data with 6,000 more events
# made from a demo event and imported with outpost-server-admin, so that the initial sync lasts long
# enough to be seen; steps 3 to 10 on the demo data alone: the device logs in and does its initial
# full sync with the outpost command, the desktop opens on it (3), an edit while the server is down
# (4), edits on the web through the admin API and a Sync Events (5), the conflict (6), Keep Mine (7)
# and the Sync perspective's tabs. Needs Xvfb, xdotool, ImageMagick's import, curl, jq and python3.
# Clicks are positions on a 1440x900 screen.
#   scripts/retake-sync-story.sh [<folder for the pictures>]    (default docs/images)
set -eu
cd "$(dirname "$0")/.."
out=${1:-docs/images}
products=releng/org.outpost.repository/target/products
desktop=$products/org.outpost.desktop/linux/gtk/x86_64/outpost/outpost
server=$products/org.outpost.server.product/linux/gtk/x86_64/outpost-server/outpost-server
admin=$products/org.outpost.server.product/linux/gtk/x86_64/outpost-server/outpost-server-admin
for tool in Xvfb xdotool import curl jq python3; do
  command -v "$tool" >/dev/null || { echo "retake-sync-story: $tool is missing" >&2; exit 1; }
done
[ -x "$desktop" ] && [ -x "$server" ] || { echo "retake-sync-story: no built products under $products; run ./dev build" >&2; exit 1; }
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p "$out"
out=$(cd "$out" && pwd)

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
screen=$(( 150 + $(od -An -N1 -tu1 /dev/urandom) % 100 ))
while [ -e "/tmp/.X11-unix/X$screen" ]; do screen=$((screen + 1)); done
url=http://localhost:$port
api=$url/api/v1
server_pid= app= xvfb=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true   # its port is free once it has ended
  fi
  server_pid=
}
trap 'kill $app $xvfb 2>/dev/null; stop_server; rm -rf "$work"' EXIT

# starts the demo server on the data folder $1 (default: the story's)
start_server() {
  "$server" -demo -port "$port" -data-dir "${1:-$work/server}" >>"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -sf "$api/hello" >/dev/null && return 0; sleep 1; done
  echo "retake-sync-story: the server did not answer on port $port; $work/server.log:" >&2; tail -20 "$work/server.log" >&2; exit 1
}
token() { curl -sf -X POST -H 'Content-Type: application/json' -d "{\"user\":\"$1\",\"password\":\"$2\",\"deviceId\":\"story-$1\"}" "$api/login" | jq -r .token; }
# the id of the demo event with this title, as the demo user's feed has it
event_id() {
  curl -sf -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $(token demo demo)" -H 'X-Outpost-Version: 1.0' \
    -d '{"category":"events","limit":500}' "$api/changes" | jq -r --arg title "$1" '.records[] | select(.body.title == $title) | .id'
}
# a web-side edit of one field of an event, as the administrator
web_edit() {
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $(token admin admin)" \
    -d "{\"type\":\"event\",\"id\":\"$1\",\"fields\":{\"$2\":\"$3\"}}" "$api/admin/records"
}
shot() { xdotool mousemove 1000 700; sleep 2; import -window root "$out/$1.png"; echo "took $1"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 2; }

# waits for a visible window whose name matches $1 and prints its id
await_window() {
  for _ in $(seq 1 120); do
    found=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1) && [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 1
  done
  echo "retake-sync-story: no '$1' window; $work/desktop.log:" >&2; tail -20 "$work/desktop.log" >&2; exit 1
}

Xvfb ":$screen" -screen 0 1440x900x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=":$screen"
sleep 2

# steps 1 and 2: the demo data and 6,000 events more (copies of a demo event with ids and titles of their own)
start_server "$work/larger"
stop_server
"$admin" -data-dir "$work/larger" export "$work/demo.json" >>"$work/server.log" 2>&1
python3 - "$work/demo.json" "$work/more.json" <<'PY'
import copy, json, sys, uuid
exported = json.load(open(sys.argv[1]))
event = next(r for r in exported["records"] if r["type"] == "event" and not r["tombstone"])
more = []
for n in range(1, 6001):
    made = copy.deepcopy(event)
    made["id"] = str(uuid.uuid4())
    made["body"]["title"] = "Generated inspection %d" % n
    more.append(made)
exported["records"] = more
json.dump(exported, open(sys.argv[2], "w"))
PY
"$admin" -data-dir "$work/larger" import "$work/more.json" >>"$work/server.log" 2>&1
start_server "$work/larger"
mkdir -p "$work/first-home"
# a device of its own; the address a new device is offered, as ./dev start gives it
OUTPOST_VM_ARGS="-Xmx1g -Duser.home=$work/first-home -Doutpost.server=$url" "$desktop" -data "$work/first-start" >"$work/desktop.log" 2>&1 &
app=$!
await_window Log >/dev/null
sleep 3
xdotool type --delay 20 demo; xdotool key Tab; xdotool type --delay 20 demo
shot sync-1-login
xdotool key Return
await_window "Progress Information" >/dev/null
sleep 4                                      # a page or two in
shot sync-2-initial-sync
kill "$app"; wait "$app" 2>/dev/null || true
app=
stop_server

# steps 3 to 10 on the demo data alone
start_server
home=$work/home data=$work/desktop
mkdir -p "$home"
export OUTPOST_VM_ARGS="-Xmx1g -Duser.home=$home"
echo demo | "$desktop" login -data "$data" --server "$url" --user demo --password-stdin >"$work/cli.log" 2>&1
"$desktop" sync full -data "$data" >>"$work/cli.log" 2>&1

"$desktop" -data "$data" >"$work/desktop.log" 2>&1 &
app=$!
window=$(await_window Outpost)
sleep 5
xdotool windowsize "$window" 1440 900 windowmove "$window" 0 0
sleep 3
shot sync-3-events-after-initial-sync

stop_server                                  # offline from here
click 114 112; xdotool type --delay 20 "Site inspection #37"; sleep 3   # found by its title: rows due the same day come in any order
xdotool mousemove 75 191 click --repeat 2 --delay 80 1; sleep 3   # its editor, the title focused
xdotool key ctrl+a; xdotool type --delay 20 "Site inspection #37: gate left open"
click 956 836                                # Save
click 114 112; xdotool key ctrl+a BackSpace; sleep 3   # every event again
click 1311 72; sleep 4                       # Sync Events: the server does not answer
click 700 700                                # the focus leaves the search field (for the table's empty part)
shot sync-4-edited-offline

start_server                                 # back online, with edits made on the web meanwhile
web_edit "$(event_id 'Site inspection #37')" title "Site inspection #37 (moved to Friday)"
web_edit "$(event_id 'Environmental check #27')" status COMPLETED
click 1311 72; sleep 6                       # Sync Events: the status comes, the title conflicts
shot sync-5-after-register-sync

click 958 468                                # OK
click 316 39                                 # the Sync perspective
click 181 72                                 # Conflicts
shot sync-6-conflict
click 155 140; click 46 858                  # the conflict, Keep Mine
click 124 72                                 # Queue
shot sync-7-kept-mine
click 20 72                                  # Sync
shot sync-8-sync-tab
click 68 72                                  # Settings
shot sync-9-settings-tab
click 240 72                                 # History
shot sync-10-history-tab
