#!/usr/bin/env bash
# ./dev.sh bench public-page: the public anslagstavla (/anslagstavla) against a static file (/favicon.svg, 177 bytes: the
# strictest comparison; NP_BENCH_STATIC picks another) served by the same
# Kestrel, measured with wrk (Debian) in one run: the page's requests per second as a share of the static file's.
# The portal runs in Release on a fresh database seeded with the demo data; the log is kept at warnings, as in production.
# Last line: "public-page: X %" (target: at least 50 %).
# NP_BENCH_SECONDS (default 15) and NP_BENCH_CONNECTIONS (default 32) change the load.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${NP_TEST_POSTGRES:-}" ]; then
  [ -r "$ROOT/.data/postgres.password" ] || { echo "public-page.sh: run it as ./dev.sh bench public-page" >&2; exit 1; }
  NP_TEST_POSTGRES="Host=127.0.0.1;Port=${NP_PG_PORT:-55432};Username=postgres;Password=$(cat "$ROOT/.data/postgres.password")"
fi
command -v wrk >/dev/null || { echo "public-page.sh: wrk is missing (./dev.sh installs it)" >&2; exit 1; }

STATIC_PATH="${NP_BENCH_STATIC:-/favicon.svg}"
SECONDS_PER_RUN="${NP_BENCH_SECONDS:-15}"
CONNECTIONS="${NP_BENCH_CONNECTIONS:-32}"
DB="naemndportal_bench_public"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$PORT"
field() { echo "$NP_TEST_POSTGRES" | tr ';' '\n' | sed -n "s/^$1=//p"; }
export PGPASSWORD; PGPASSWORD="$(field Password)"
PSQL=(psql -h 127.0.0.1 -p "$(field Port)" -U postgres -d postgres -qX)

echo "==> Building the portal (Release)"
dotnet build "$ROOT/src/Nämndportal.Web/Nämndportal.Web.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\"" >/dev/null

LOG="$(mktemp)"
APP=""
cleanup() {
  [ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -f "$LOG"
}
trap cleanup EXIT
# start ENVIRONMENT: the portal on $URL, waited for until ready.
start() {
  (
    cd "$ROOT/src/Nämndportal.Web"
    ASPNETCORE_ENVIRONMENT="$1" ASPNETCORE_URLS="$URL" \
    ConnectionStrings__Default="$NP_TEST_POSTGRES;Database=$DB" \
    Database__SendDemoKallelser=false Serilog__MinimumLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/Nämndportal.Web.dll
  ) >"$LOG" 2>&1 &
  APP=$!
  for _ in $(seq 1 300); do
    curl -fsS "$URL/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$APP" 2>/dev/null || { tail -n 40 "$LOG" >&2; echo "public-page.sh: the portal stopped during start-up" >&2; exit 1; }
    sleep 1
  done
  echo "public-page.sh: the portal did not become ready" >&2
  exit 1
}
# The demo data is seeded by a Development start; the measurement is of a Production start (static files and the
# pipeline as deployed: Development reads static files from disk on every request and would flatter the page).
echo "==> Seeding the demo data (a Development start on $URL)"
start Development
kill "$APP"; wait "$APP" 2>/dev/null || true
echo "==> Starting the portal in Production on $URL"
start Production

# The board must be the real page, with anslag on it, for the comparison to mean anything.
BOARD="$(curl -fsS "$URL/anslagstavla")"
grep -q "Anslagstavla" <<<"$BOARD" || { echo "public-page.sh: /anslagstavla did not answer with the board" >&2; exit 1; }
echo "    the board lists $(grep -o 'href="/anslagstavla/[0-9a-f-]\{36\}"' <<<"$BOARD" | sort -u | wc -l) anslag"
for _ in $(seq 1 50); do curl -fsS -o /dev/null "$URL/anslagstavla"; curl -fsS -o /dev/null "$URL$STATIC_PATH"; done

rps() {
  local out
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "${@:2}" "$URL$1")"
  echo "$out" | sed 's/^/    /' >&2
  if echo "$out" | grep -q "Non-2xx"; then echo "public-page.sh: $1 answered errors under load" >&2; exit 1; fi
  echo "$out" | awk '/^Requests\/sec:/ { print $2 }'
}
echo "==> wrk: the static file $STATIC_PATH ($SECONDS_PER_RUN s, $CONNECTIONS connections)"
STATIC="$(rps "$STATIC_PATH")"
echo "==> wrk: the public page /anslagstavla ($SECONDS_PER_RUN s, $CONNECTIONS connections)"
PAGE="$(rps /anslagstavla)"
# For comparison only: the same page rendered for every request (a login cookie, even an invalid one, keeps a request
# out of the output cache).
echo "==> wrk: the public page rendered each time (a cookie np.auth keeps it out of the cache)"
RENDERED="$(rps /anslagstavla -H "Cookie: np.auth=none")"
echo "static file: $STATIC requests/s"
echo "public page rendered each time (no cache): $RENDERED requests/s"
echo "public page: $PAGE requests/s"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "public-page: $(awk -v p="$PAGE" -v s="$STATIC" 'BEGIN { printf "%.0f", 100 * p / s }') %"
