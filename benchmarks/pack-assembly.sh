#!/usr/bin/env bash
# ./dev.sh bench pack-assembly: the kallelse pack assembler alone (PDFsharp). A kallelse page, 22 tjänsteskrivelser and
# 20 attachments are printed by Chromium first (not timed), about 220 pages; then the pack is assembled once cold and
# five times warm, and once more after one item's tjänsteskrivelse is printed again. Needs no database.
# Last line: "pack-assembly: MEDIAN-WARM s". The whole job's figure is ./dev.sh bench kallelse-pack (issue 9).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$ROOT/benchmarks/Nämndportal.Benchmarks"
echo "==> Building the benchmark (Release)"
dotnet build "$PROJECT/Nämndportal.Benchmarks.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
exec dotnet "$PROJECT/bin/Release/net10.0/Nämndportal.Benchmarks.dll" pack-assembly
