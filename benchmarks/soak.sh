#!/usr/bin/env bash
# ./dev.sh bench soak (issue 14): ten minutes of mixed load on loopback against the portal (Release, demo data in a fresh
# database, port ${NP_BENCH_READER_PORT:-5181}): reader circuits stepping through a meeting's items and logging in again
# at the end, searches, members' stamped downloads and the public anslagstavla, while the portal's memory (RSS) and the
# database's connections are sampled every 5 s. Growth after the warm-up (the first quarter) must stay under 10 %.
# Last line "soak: X % memory growth". Settings: NP_SOAK_SECONDS (600), NP_SOAK_CIRCUITS (20), NP_CHROMIUM_PATH.
# dev.sh has started PostgreSQL and set NP_TEST_POSTGRES (SoakBenchmark.cs).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${NP_TEST_POSTGRES:-}" ]; then
  [ -r "$ROOT/.data/postgres.password" ] || { echo "soak.sh: start PostgreSQL first (./dev.sh db), or run ./dev.sh bench soak" >&2; exit 1; }
  NP_TEST_POSTGRES="Host=127.0.0.1;Port=${NP_PG_PORT:-55432};Username=postgres;Password=$(cat "$ROOT/.data/postgres.password")"
  export NP_TEST_POSTGRES
fi

PROJECT="$ROOT/benchmarks/Nämndportal.Benchmarks"
echo "==> Building the portal and the benchmark (Release)"
dotnet build "$ROOT/src/Nämndportal.Web/Nämndportal.Web.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet build "$PROJECT/Nämndportal.Benchmarks.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
exec dotnet "$PROJECT/bin/Release/net10.0/Nämndportal.Benchmarks.dll" soak
