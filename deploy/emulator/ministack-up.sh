#!/usr/bin/env bash
# Starts MiniStack (a LocalStack-compatible AWS emulator, no Docker) on 127.0.0.1:4566 from a
# project-local virtual environment, and waits until it is healthy. Reuses one already running.
set -euo pipefail
cd "$(dirname "$0")/../.."

MINISTACK_VERSION="${MINISTACK_VERSION:-1.5.33}"
PORT="${MINISTACK_PORT:-4566}"
VENV=".venv/ministack"
STATE=".symphainy"
HEALTH="http://127.0.0.1:${PORT}/_ministack/health"

healthy() { curl -fsS --max-time 2 "$HEALTH" >/dev/null 2>&1; }

if healthy; then
  echo "MiniStack already running on 127.0.0.1:${PORT}"
  exit 0
fi

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import importlib.metadata as m; assert m.version('ministack') == '${MINISTACK_VERSION}'" 2>/dev/null; then
  echo "installing ministack==${MINISTACK_VERSION} into ${VENV}"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "ministack==${MINISTACK_VERSION}"
fi

mkdir -p "$STATE"
GATEWAY_PORT="$PORT" BIND_HOST=127.0.0.1 nohup "$VENV/bin/python" -m ministack >"$STATE/ministack.log" 2>&1 &
echo $! >"$STATE/ministack.pid"

for _ in $(seq 1 120); do
  if healthy; then
    echo "MiniStack ${MINISTACK_VERSION} healthy on 127.0.0.1:${PORT} (pid $(cat "$STATE/ministack.pid"), log ${STATE}/ministack.log)"
    exit 0
  fi
  if ! kill -0 "$(cat "$STATE/ministack.pid")" 2>/dev/null; then
    echo "MiniStack exited during start-up; last log lines:" >&2
    tail -20 "$STATE/ministack.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "MiniStack did not become healthy within 60 s; see ${STATE}/ministack.log" >&2
exit 1
