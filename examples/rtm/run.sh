#!/usr/bin/env bash
# examples/rtm end to end: the true model, its observed data, the migration
# velocity, the RTM image, the LSRTM image.
# Options (--quiet, --threads N) go to every ./fwi run.
set -euo pipefail
cd "$(dirname "$0")"
fwi="${FWI:-../../fwi}"
for step in true_model observed migration_velocity pipeline lsrtm; do
  "$fwi" run "$step.yaml" "$@"
done
