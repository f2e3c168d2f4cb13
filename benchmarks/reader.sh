#!/usr/bin/env bash
# ./dev.sh bench reader: the meeting reader with 200 members' Blazor circuits. Builds the portal and the benchmark
# (Release), starts the portal on 127.0.0.1:${NP_BENCH_READER_PORT:-5180} with the demo data in a fresh database, adds
# 200 ledamöter with logins and a meeting of 25 items, logs each in and opens /sammantraden/{id}/las on a circuit driven
# over SignalR (BlazorCircuit.cs), and steps every circuit through the agenda ("next item"). Prints the portal's memory
# with all circuits open, the CPU time of the portal, PostgreSQL and the benchmark, and the first page time of a 200-page
# handling in a headless Chromium; last line "reader: P95 ms". dev.sh has started PostgreSQL and set NP_TEST_POSTGRES.
# Settings: NP_BENCH_READER_CIRCUITS (200), NP_BENCH_READER_THINK_MS (2000), NP_BENCH_READER_OPEN_S (180),
# NP_BENCH_READER_MARK=0 (open handlingar without marking them read), NP_BENCH_TRACE=1 (every circuit message and the
# portal's log), NP_BENCH_PORTAL_ENV="NAME=VALUE;..." (trials), NP_CHROMIUM_PATH (/usr/bin/chromium).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${NP_TEST_POSTGRES:-}" ]; then
  [ -r "$ROOT/.data/postgres.password" ] || { echo "reader.sh: start PostgreSQL first (./dev.sh db), or run ./dev.sh bench reader" >&2; exit 1; }
  NP_TEST_POSTGRES="Host=127.0.0.1;Port=${NP_PG_PORT:-55432};Username=postgres;Password=$(cat "$ROOT/.data/postgres.password")"
  export NP_TEST_POSTGRES
fi

PROJECT="$ROOT/benchmarks/Nämndportal.Benchmarks"
echo "==> Building the portal and the benchmark (Release)"
dotnet build "$ROOT/src/Nämndportal.Web/Nämndportal.Web.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet build "$PROJECT/Nämndportal.Benchmarks.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
exec dotnet "$PROJECT/bin/Release/net10.0/Nämndportal.Benchmarks.dll" reader
