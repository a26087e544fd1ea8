#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than the lockfile,
# rebuilds native modules when node_modules was installed under another Node ABI,
# then generates the Prisma client (offline; see scripts/prisma-generate.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
abi=$(node -p 'process.versions.modules')
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install` rather than `npm ci`: the lockfile written here lists only this
  # platform's optional packages, which `npm ci` refuses as "out of sync".
  # With a lockfile present, `npm install` installs exactly the locked versions.
  echo "[install] npm install"
  npm install --no-audit --no-fund
  echo "$abi" > node_modules/.parley-node-abi
elif [ "$(cat node_modules/.parley-node-abi 2>/dev/null)" != "$abi" ]; then
  echo "[install] node_modules was built for another Node: npm rebuild"
  npm rebuild
  echo "$abi" > node_modules/.parley-node-abi
fi
node scripts/prisma-generate.mjs
