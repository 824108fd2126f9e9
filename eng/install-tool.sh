#!/usr/bin/env bash
# Installs vmaf-repro (package VmafTiny.Repro.Tool) from artifacts/packages (see eng/pack.sh).
#   default   into the local tool manifest of --dir (default: the repository root); creates the manifest
#             (dotnet new tool-manifest) when missing. Then: dotnet vmaf-repro verify
#   --global  as a global tool (~/.dotnet/tools). Then: dotnet vmaf-repro verify (or dotnet-vmaf-repro)
# Usage: eng/install-tool.sh [--global] [--dir DIR] [--source DIR] [--version VERSION]
# A package of the same version that an earlier pack left in the NuGet global packages folder is removed
# first, so that a re-pack of an unchanged version is really installed (--keep-cache to skip that).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_dir="$root/artifacts/packages"
dir="$root"
global=false
version=""
keep_cache=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --global|-g) global=true; shift ;;
    --dir) dir="$2"; shift 2 ;;
    --source) source_dir="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --keep-cache) keep_cache=true; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "install-tool.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

source_dir="$(cd "$source_dir" && pwd)"
if [[ -z "$version" ]]; then
  # The pointer package: VmafTiny.Repro.Tool.<version>.nupkg (not VmafTiny.Repro.Tool.<rid>.<version>.nupkg).
  pkg="$(ls -t "$source_dir"/VmafTiny.Repro.Tool.[0-9]*.nupkg 2>/dev/null | head -1 || true)"
  if [[ -z "$pkg" ]]; then
    echo "install-tool.sh: no VmafTiny.Repro.Tool.<version>.nupkg in $source_dir; run eng/pack.sh first" >&2
    exit 2
  fi
  version="$(basename "$pkg" .nupkg)"
  version="${version#VmafTiny.Repro.Tool.}"
fi

if [[ "$keep_cache" != true ]]; then
  cache="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
  if [[ -n "$cache" ]]; then
    rm -rf "$cache"/vmaftiny.repro.tool/"$version" "$cache"/vmaftiny.repro.tool.*/"$version"
  fi
fi

if [[ "$global" == true ]]; then
  dotnet tool uninstall --global VmafTiny.Repro.Tool >/dev/null 2>&1 || true
  dotnet tool install --global --add-source "$source_dir" VmafTiny.Repro.Tool --version "$version"
else
  mkdir -p "$dir"
  cd "$dir"
  if [[ ! -f .config/dotnet-tools.json && ! -f dotnet-tools.json ]]; then
    dotnet new tool-manifest
  fi
  dotnet tool uninstall VmafTiny.Repro.Tool >/dev/null 2>&1 || true
  dotnet tool install --add-source "$source_dir" VmafTiny.Repro.Tool --version "$version"
fi
dotnet vmaf-repro --version
