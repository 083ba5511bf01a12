#!/usr/bin/env bash
# examples/mapping: the model, then the gradient through each mapping chain.
# Options (--quiet, --threads N) go to every ./fwi run.
set -euo pipefail
cd "$(dirname "$0")"
fwi="${FWI:-../../fwi}"
for step in model absolute source_cutout receiver_cutout region_of_interest relative smooth clip; do
  "$fwi" run "$step.yaml" "$@"
done
