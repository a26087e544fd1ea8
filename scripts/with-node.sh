#!/usr/bin/env bash
# Runs a command with a Node that Parley supports (see ensure-node.sh): the
# npm scripts go through it, so `npm run bench` on an older system Node still
# runs on the pinned one.
set -euo pipefail
source "$(dirname "$0")/ensure-node.sh"
exec "$@"
