#!/usr/bin/env bash
# Builds the Next.js editor when its build is missing or older than its sources.
set -euo pipefail
source "$(dirname "$0")/ensure-node.sh"
cd "$(dirname "$0")/../apps/editor"
export NEXT_TELEMETRY_DISABLED=1
if [ -f .next/BUILD_ID ] && [ -z "$(find . ../../libs/api/src ../../libs/elements/src ../../libs/engine/src -newer .next/BUILD_ID -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name '*.json' \) -not -path './.next/*' -not -path './node_modules/*' -print -quit)" ]; then
  echo "[editor] build is up to date"
  exit 0
fi
echo "[editor] next build"
npx next build
