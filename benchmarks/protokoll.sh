#!/usr/bin/env bash
# ./dev.sh bench protokoll: the protokoll PDF of 40 §§ with votes, reservations, a jäv, attendance changes, an adjournment
# and five beslutsunderlag listed per §, printed whole by Chromium (two passes: the contents get their page numbers from
# the first print, read back with PdfPig); once cold, five times warm. Needs no database.
# Last line: "protokoll: MEDIAN-WARM s" (target under 3 s).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$ROOT/benchmarks/Nämndportal.Benchmarks"
echo "==> Building the benchmark (Release)"
dotnet build "$PROJECT/Nämndportal.Benchmarks.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
exec dotnet "$PROJECT/bin/Release/net10.0/Nämndportal.Benchmarks.dll" protokoll
