#!/usr/bin/env bash
# Starts the built server as the Docker image would (credentials from the environment, HOST=0.0.0.0)
# and checks /healthz, /metrics and a signed webhook; the image itself cannot be built here.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${SMOKE_PORT:-3987}"
key_file="$(mktemp)"
log_file="$(mktemp)"
node -e '
const { generateKeyPairSync } = require("node:crypto");
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
process.stdout.write(privateKey.export({ type: "pkcs1", format: "pem" }));
' > "$key_file"
APP_ID=1 PRIVATE_KEY_PATH="$key_file" WEBHOOK_SECRET=smoke-secret SQUAD_BOT_LOGIN="squad-bot[bot]" \
  HOST=0.0.0.0 PORT="$port" NODE_ENV=production LOG_LEVEL=warn node dist/src/main.js > "$log_file" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$key_file" "$log_file"' EXIT
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
  sleep 0.2
done
health="$(curl -fsS "http://127.0.0.1:$port/healthz")" || { echo "smoke: /healthz did not answer"; cat "$log_file"; exit 1; }
echo "smoke: /healthz $health"
# Read whole first: `curl | grep -q` under pipefail fails whenever grep stops reading early.
metrics="$(curl -fsS "http://127.0.0.1:$port/metrics")" || { echo "smoke: /metrics did not answer"; exit 1; }
grep -q "^squad_bot_process_" <<<"$metrics" || { echo "smoke: /metrics has no squad-bot metrics"; exit 1; }
body='{"zen":"Keep it logically awesome.","hook_id":1}'
signature="sha256=$(printf '%s' "$body" | openssl dgst -sha256 -hmac smoke-secret | sed 's/^.* //')"
status="$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/github/webhooks" \
  -H 'content-type: application/json' -H 'x-github-event: ping' -H 'x-github-delivery: smoke-1' \
  -H "x-hub-signature-256: $signature" --data "$body")"
[ "$status" = "200" ] || { echo "smoke: signed ping answered $status"; cat "$log_file"; exit 1; }
bad="$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/github/webhooks" \
  -H 'content-type: application/json' -H 'x-github-event: ping' -H 'x-github-delivery: smoke-2' \
  -H 'x-hub-signature-256: sha256=0000' --data "$body")"
[ "$bad" = "400" ] || { echo "smoke: a forged ping answered $bad"; exit 1; }
echo "smoke: server starts, reports health and metrics, accepts a signed webhook and rejects a forged one"
