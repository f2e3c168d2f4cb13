#!/usr/bin/env bash
# ./dev.sh bench kallelse-pack: the members' kallelse pack of a meeting of 22 items with 20 attached PDFs (about 220
# pages), printed through the portal's NoticePackService in a fresh database: cold once, warm five times (parts from the
# cache), and once after one item's tjänsteskrivelse changed. Last lines: "kallelse-pack-rerender: X s" and the median
# warm time, "kallelse-pack: X s". dev.sh has started PostgreSQL and set NP_TEST_POSTGRES.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${NP_TEST_POSTGRES:-}" ]; then
  [ -r "$ROOT/.data/postgres.password" ] || { echo "kallelse-pack.sh: start PostgreSQL first (./dev.sh db), or run ./dev.sh bench kallelse-pack" >&2; exit 1; }
  NP_TEST_POSTGRES="Host=127.0.0.1;Port=${NP_PG_PORT:-55432};Username=postgres;Password=$(cat "$ROOT/.data/postgres.password")"
  export NP_TEST_POSTGRES
fi

PROJECT="$ROOT/benchmarks/Nämndportal.Benchmarks"
echo "==> Building the benchmark (Release)"
dotnet build "$PROJECT/Nämndportal.Benchmarks.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
exec dotnet "$PROJECT/bin/Release/net10.0/Nämndportal.Benchmarks.dll" kallelse-pack
