#!/bin/sh
# Runs one display test on its own Xvfb and session bus, so display tests
# can run in parallel and never touch the user's session. No display is a
# failure, not a skip.
set -u
command -v Xvfb >/dev/null 2>&1 || { echo "Bail out! Xvfb is not installed"; exit 1; }

fifo_dir=$(mktemp -d)
trap 'rm -rf "$fifo_dir"; [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null' EXIT
exec 3>"$fifo_dir/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset >"$fifo_dir/xvfb.log" 2>&1 &
xvfb_pid=$!

for _ in $(seq 1 100); do
  [ -s "$fifo_dir/display" ] && break
  sleep 0.05
done
display=$(head -n1 "$fifo_dir/display")
[ -n "$display" ] || { echo "Bail out! Xvfb did not start: $(cat "$fifo_dir/xvfb.log")"; exit 1; }

exec_status=0
DISPLAY=":$display" dbus-run-session -- "$@" || exec_status=$?
exit $exec_status
