#!/usr/bin/env bash
# Makes sure Postgres and Redis answer at DATABASE_URL / REDIS_URL.
# When they point at this machine and the local service is installed but
# stopped, start it; otherwise say exactly what to run, and fail.
set -uo pipefail
DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/parley}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}

url_part() { node -e 'const u=new URL(process.argv[1]);console.log(process.argv[2]==="host"?u.hostname:(u.port||process.argv[3]))' "$1" "$2" "${3:-}"; }
pg_host=$(url_part "$DATABASE_URL" host); pg_port=$(url_part "$DATABASE_URL" port 5432)
rd_host=$(url_part "$REDIS_URL" host); rd_port=$(url_part "$REDIS_URL" port 6379)
is_local() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" || "$1" == "::1" || "$1" == "[::1]" ]]; }
port_open() { node -e 'const s=require("net").connect({host:process.argv[1],port:+process.argv[2]});s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1));setTimeout(()=>process.exit(1),1500)' "$1" "$2"; }
wait_port() { for _ in $(seq 1 30); do port_open "$1" "$2" && return 0; sleep 0.5; done; return 1; }

missing=()
if ! port_open "$pg_host" "$pg_port"; then
  if is_local "$pg_host" && command -v pg_ctlcluster >/dev/null && ls /etc/postgresql >/dev/null 2>&1; then
    echo "[services] starting local PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    wait_port "$pg_host" "$pg_port" || missing+=("PostgreSQL at $pg_host:$pg_port")
  else
    missing+=("PostgreSQL at $pg_host:$pg_port")
  fi
fi
if ! port_open "$rd_host" "$rd_port"; then
  if is_local "$rd_host" && command -v redis-server >/dev/null; then
    echo "[services] starting local Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$rd_port" --save "" --appendonly no >/dev/null || true
    wait_port "$rd_host" "$rd_port" || missing+=("Redis at $rd_host:$rd_port")
  else
    missing+=("Redis at $rd_host:$rd_port")
  fi
fi
if ((${#missing[@]})); then
  echo "Parley needs these services and cannot reach them:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  cat >&2 <<'MSG'
Start them with Docker:        docker compose up -d
or install them locally:       apt-get install -y postgresql redis-server
or point Parley elsewhere:     DATABASE_URL=postgresql://user@host:5432/parley REDIS_URL=redis://host:6379 npm start
MSG
  exit 1
fi
echo "[services] PostgreSQL $pg_host:$pg_port and Redis $rd_host:$rd_port are reachable"
