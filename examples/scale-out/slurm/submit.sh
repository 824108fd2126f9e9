#!/bin/sh
# Run from the repository root (where vmaf-repro.json is): submits the shard array, then the merge,
# which starts only when every shard task succeeded (afterok on the array's job id).
set -eu
here=$(dirname "$0")
mkdir -p logs
shards=$(sbatch --parsable "$here/shard.sbatch")
sbatch --dependency=afterok:"$shards" "$here/merge.sbatch"
