#!/usr/bin/env bash
# `npm test`: from a fresh clone, install what is needed, then lint, typecheck,
# unit tests, the editor build, the integration tests (real Postgres, Redis,
# HTTP servers and Chromium) and last the fault tests, which stop, restart and
# wipe the local Postgres and Redis and so run alone, serially, after the others
# (they leave both running). Each integration run uses its own database and
# Redis key prefix, so runs never collide; the fault suite uses its own database
# and Redis database (13; TEST_FAULT_REDIS_URL to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
PARLEY_NODE_VERBOSE=1 source scripts/ensure-node.sh
export NX_DAEMON=false NEXT_TELEMETRY_DISABLED=1 NX_NO_CLOUD=true
step() { echo; echo "=== $* ==="; }
step install;     bash scripts/ensure-install.sh
step services;    bash scripts/ensure-services.sh
step chromium;    bash scripts/ensure-chromium.sh
step lint;        npm run --silent lint
step typecheck;   npm run --silent typecheck
step unit;        npx vitest run --project unit
step "editor build"; npm run --silent build:editor
step integration; npx vitest run --project integration
step fault;       npx vitest run --project fault
echo; echo "All tests passed."
