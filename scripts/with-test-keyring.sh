#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own GNOME keyring (Secret Service), so the
# desktop's token vault is tested against a real OS keyring without touching the user's own.
# The keyring is a throw-away, unencrypted "login" collection in a temporary folder.
set -euo pipefail
if [ -z "${OUTPOST_TEST_KEYRING:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "with-test-keyring: $tool is missing (Debian/Ubuntu: apt-get install -y dbus gnome-keyring libsecret-tools)" >&2
      exit 1
    fi
  done
  export OUTPOST_TEST_KEYRING=$(mktemp -d /tmp/outpost-keyring.XXXXXX)
  trap 'rm -rf "$OUTPOST_TEST_KEYRING"' EXIT
  status=0
  dbus-run-session -- "$0" "$@" || status=$?
  exit $status
fi

# inside the private session: an unlocked, empty default collection, then the command
mkdir -p "$OUTPOST_TEST_KEYRING/data/keyrings" "$OUTPOST_TEST_KEYRING/control"
printf 'login' >"$OUTPOST_TEST_KEYRING/data/keyrings/default"
printf '[keyring]\ndisplay-name=login\nctime=0\nmtime=0\nlock-on-idle=false\nlock-after=false\n' \
  >"$OUTPOST_TEST_KEYRING/data/keyrings/login.keyring"
XDG_DATA_HOME="$OUTPOST_TEST_KEYRING/data" gnome-keyring-daemon --foreground --components=secrets \
  --control-directory="$OUTPOST_TEST_KEYRING/control" >/dev/null 2>&1 &
keyring_pid=$!
trap 'kill "$keyring_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
  sleep 0.1
done
"$@"
