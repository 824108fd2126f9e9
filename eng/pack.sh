#!/usr/bin/env bash
# Packs the two packages of this repository into artifacts/packages:
#   VmafTiny.Repro.Tool (+ VmafTiny.Repro.Tool.<rid>)   the vmaf-repro .NET tool (RID-specific, see eng/ToolPackaging.props)
#   VmafTiny.Repro.MSBuild                               the gate as MSBuild targets (see docs/msbuild.md)
# Usage: eng/pack.sh [--output DIR] [--configuration Release] [extra dotnet pack arguments, e.g. -p:Version=0.2.0]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$root/artifacts/packages"
configuration=Release
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --output|-o) output="$2"; shift 2 ;;
    --configuration|-c) configuration="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) extra+=("$1"); shift ;;
  esac
done
mkdir -p "$output"
output="$(cd "$output" && pwd)"

# One project at a time: the machine is small and the tool pack copies ~0.5 GB of libtorch.
dotnet pack "$root/src/VmafTiny.Repro.MSBuild/VmafTiny.Repro.MSBuild.csproj" -c "$configuration" -o "$output" -p:PackageOutputPath="$output/" ${extra[@]+"${extra[@]}"}
dotnet pack "$root/src/VmafTiny.Repro.Cli/VmafTiny.Repro.Cli.csproj" -c "$configuration" -o "$output" -p:PackageOutputPath="$output/" ${extra[@]+"${extra[@]}"}

echo "Packages in $output:"
for f in "$output"/*.nupkg; do
  printf '  %8s  %s\n' "$(du -h "$f" | cut -f1)" "$(basename "$f")"
done
