#!/usr/bin/env bash
# examples/3d end to end: the true model, its observed data (a 3-D forward run), the starting
# model, the inversion.
# Options (--quiet, --threads N) go to every ./fwi run.
set -euo pipefail
cd "$(dirname "$0")"
fwi="${FWI:-../../fwi}"
for step in true_model observed start_model pipeline; do
  "$fwi" run "$step.yaml" "$@"
done
