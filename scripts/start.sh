#!/usr/bin/env bash
# `npm start`: from a fresh clone, install, make sure Postgres and Redis run,
# migrate, seed the demo bot, build the editor if needed, and run editor, API,
# worker and the demo inbox together with prefixed logs.
set -euo pipefail
cd "$(dirname "$0")/.."
PARLEY_NODE_VERBOSE=1 source scripts/ensure-node.sh
export NX_DAEMON=false NEXT_TELEMETRY_DISABLED=1
export API_PORT=${API_PORT:-3001} EDITOR_PORT=${EDITOR_PORT:-3000} DEMO_INBOX_PORT=${DEMO_INBOX_PORT:-3002}
export PARLEY_API_URL=${PARLEY_API_URL:-http://127.0.0.1:$API_PORT}
# The origin people open: the editor, which serves /api/auth and /trpc from the API on
# the same origin, so the session cookie is first-party.
export PUBLIC_URL=${PUBLIC_URL:-http://127.0.0.1:$EDITOR_PORT}
# The editor on loopback forwards browsers' requests with X-Forwarded-For: the API takes
# the client's address from it (sign-in limits, web chat limits), from loopback only.
export TRUST_PROXY=${TRUST_PROXY:-loopback}
# The demo runs the API, the worker and the seed in development mode, explicitly
# (PARLEY_MODE): without PARLEY_SECRET_KEY they use the public development key and say
# so loudly. Anywhere else a key of your own is required. The editor builds and runs as
# Next.js production whatever this says.
PARLEY_MODE=${PARLEY_MODE:-development}
# The demo channel's replies go to the demo inbox on loopback: the operator allows that
# port for channel deliveries alone. Bot elements keep public addresses only.
export CHANNEL_EGRESS_ALLOW=${CHANNEL_EGRESS_ALLOW:-127.0.0.1:$DEMO_INBOX_PORT}
bash scripts/ensure-install.sh
bash scripts/ensure-services.sh
npx tsx scripts/ensure-database.ts
NODE_ENV=$PARLEY_MODE npx tsx scripts/seed-demo.ts
# The demo workspace's owner, demo@parley.local (development: a fixed, public password).
DEMO_OWNER_SIGN_IN=$(NODE_ENV=$PARLEY_MODE npx tsx apps/api/src/auth/seed-demo-owner-main.ts)
echo "[seed] demo owner: $DEMO_OWNER_SIGN_IN"
bash scripts/build-editor.sh
cat <<MSG

  Parley is starting:
    Editor       $PUBLIC_URL
    Sign in      $DEMO_OWNER_SIGN_IN
    API          http://127.0.0.1:$API_PORT   (readiness: /readyz, tRPC: /trpc)
    Demo channel POST http://127.0.0.1:$API_PORT/webhooks/http/demo-http
    Talk to the demo bot:  npm run say -- "hello"   (replies appear in the [inbox] log)

MSG
exec npx concurrently --kill-others-on-fail --names "api,worker,editor,inbox" \
  --prefix-colors "cyan,magenta,green,yellow" \
  "NODE_ENV=$PARLEY_MODE npx tsx apps/api/src/main.ts" \
  "NODE_ENV=$PARLEY_MODE npx tsx apps/worker/src/main.ts" \
  "cd apps/editor && npx next start -H 127.0.0.1 -p $EDITOR_PORT" \
  "npx tsx scripts/demo-inbox.ts"
