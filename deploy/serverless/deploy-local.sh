#!/usr/bin/env bash
# npm run deploy:local: `sls deploy --stage local` onto the emulator at AWS_ENDPOINT_URL
# (default: MiniStack from `npm run local:up`), with the emulator's dummy credentials.
set -euo pipefail
cd "$(dirname "$0")/../.."

export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://127.0.0.1:4566}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_REGION="${AWS_REGION:-us-east-1}"

if ! curl -fsS --max-time 3 -o /dev/null "${AWS_ENDPOINT_URL}/_ministack/health" 2>/dev/null \
  && ! curl -fsS --max-time 3 -o /dev/null "${AWS_ENDPOINT_URL}/_localstack/health" 2>/dev/null; then
  echo "no emulator answers at ${AWS_ENDPOINT_URL}: start one with npm run local:up" >&2
  exit 1
fi

exec npx sls deploy --stage local --region "$AWS_REGION" "$@"
