#!/usr/bin/env bash
# Stops the MiniStack that ministack-up.sh started (and only that one).
set -euo pipefail
cd "$(dirname "$0")/../.."
PID_FILE=".symphainy/ministack.pid"
if [ ! -f "$PID_FILE" ]; then
  echo "no MiniStack started from this project is running"
  exit 0
fi
PID="$(cat "$PID_FILE")"
if kill -0 "$PID" 2>/dev/null; then
  kill "$PID"
  for _ in $(seq 1 20); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$PID" 2>/dev/null && kill -9 "$PID"
  echo "MiniStack (pid $PID) stopped"
else
  echo "MiniStack (pid $PID) was not running"
fi
rm -f "$PID_FILE"
