#!/usr/bin/env bash
# ./dev.sh bench search: 50,000 cases and 200,000 pages of Swedish document text in a fresh database, then a fixed
# mix of 200 searches through SearchCasesHandler as a ledamot of one organ. Last line: "search: P95 ms".
# dev.sh has started PostgreSQL and set NP_TEST_POSTGRES; run on its own, the script uses the private cluster of
# ./dev.sh (which must be running). NP_BENCH_KEEP=1 keeps the database and reuses it on the next run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${NP_TEST_POSTGRES:-}" ]; then
  [ -r "$ROOT/.data/postgres.password" ] || { echo "search.sh: start PostgreSQL first (./dev.sh db), or run ./dev.sh bench search" >&2; exit 1; }
  NP_TEST_POSTGRES="Host=127.0.0.1;Port=${NP_PG_PORT:-55432};Username=postgres;Password=$(cat "$ROOT/.data/postgres.password")"
  export NP_TEST_POSTGRES
fi

PROJECT="$ROOT/benchmarks/Nämndportal.Benchmarks"
echo "==> Building the benchmark (Release)"
dotnet build "$PROJECT/Nämndportal.Benchmarks.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
exec dotnet "$PROJECT/bin/Release/net10.0/Nämndportal.Benchmarks.dll" search
