#!/usr/bin/env bash
# `npm test`: from a fresh clone, install what is needed, then lint, typecheck,
# unit tests, the editor build and the integration tests (real Postgres, Redis,
# HTTP servers and Chromium). Each integration run uses its own database and
# Redis key prefix, so runs never collide.
set -euo pipefail
cd "$(dirname "$0")/.."
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
echo; echo "All tests passed."
