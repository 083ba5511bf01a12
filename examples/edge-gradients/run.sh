#!/usr/bin/env bash
# examples/edge-gradients: the data, the edge problem and its three remedies.
# Options (--quiet, --threads N) go to every ./fwi run.
set -euo pipefail
cd "$(dirname "$0")"
fwi="${FWI:-../../fwi}"
for step in observed observed_free_surface pml clip free_surface smooth_model smooth_model_step; do
  "$fwi" run "$step.yaml" "$@"
done
