#!/usr/bin/env bash
# Times the scale-out path on one machine, side by side in one run: the KoNViD-shaped grid
# (3 architectures x 5 folds x 5 seeds) trained unsharded, then as N shards one after another
# (each in its own folder and cache, as on N machines), then the merge (cache import + verify
# --from-shards N, which trains nothing). Prints wall seconds per step and the speed-up that N
# machines would give (unsharded / slowest shard).
#   eng/measure-shards.sh [rows=270000] [N=4]
set -euo pipefail
rows=${1:-270000}; n=${2:-4}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/src/VmafTiny.Repro.Cli" -c Release -nologo -v q >/dev/null
tool=("dotnet" "$root/src/VmafTiny.Repro.Cli/bin/Release/net10.0/vmaf-repro.dll")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

setup() {  # one folder per job, each with its own runs/ (data + cache)
  mkdir -p "$1"
  cat > "$1/vmaf-repro.json" <<JSON
{ "schema_version": 1, "seeds": [0, 1, 2, 3, 4],
  "recipe": { "epochs": 90, "batch_size": 256, "lr": 0.001 },
  "architectures": { "mlp_small": [16, 8], "mlp_medium": [32, 16], "mlp_large": [64, 32, 16] },
  "corpora": { "konvid-shaped": { "path": "runs/data/konvid-shaped.parquet", "protocol": "kfold",
    "group_column": "fold", "synthetic": { "shape": "konvid", "rows": $rows, "seed": 2 } } },
  "baselines_dir": "baselines", "runs_dir": "runs" }
JSON
}
timed() {  # label dir args...: wall seconds of one command run in dir
  local label=$1 dir=$2; shift 2
  local t0=$(date +%s.%N)
  local log; log="$work/log.$(printf %s "$label" | tr -c 'a-z0-9' _)"
  local rc=0; (cd "$dir" && "${tool[@]}" "$@" >"$log" 2>&1) || rc=$?
  # 3 = missing baseline: this throw-away corpus has none, the judging itself is not what is timed.
  [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { cat "$log"; exit 1; }
  printf '%-22s %8.1f s\n' "$label" "$(echo "$(date +%s.%N) - $t0" | bc)" | tee -a "$work/times"
}

echo "KoNViD-shaped grid, $rows rows, 75 trainings, $n shards; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
setup "$work/whole";  timed whole "$work/whole" verify --no-cache --threads "$(nproc)"
for i in $(seq 1 "$n"); do
  setup "$work/s$i"; timed "shard $i/$n" "$work/s$i" verify --shard "$i/$n"
  (cd "$work/s$i" && "${tool[@]}" cache export "$work/shard-$i.tar" >/dev/null)
done
setup "$work/merge"
timed "merge: import" "$work/merge" cache import "$work"/shard-*.tar
timed "merge: verify" "$work/merge" verify --from-shards "$n"
whole=$(awk '/^whole/ {print $2}' "$work/times")
slowest=$(awk '/^shard/ {print $3}' "$work/times" | sort -g | tail -1)
echo "unsharded / slowest shard = $(echo "scale=2; $whole / $slowest" | bc)x (ideal ${n}x)"
