#!/usr/bin/env bash
# examples/acoustic end to end: the true model, its observed data, the inversion of v and
# rho, and the constant-density inversion of v alone. Options (--quiet, --threads N) go to
# every ./fwi run.
set -euo pipefail
cd "$(dirname "$0")"
fwi="${FWI:-../../fwi}"
for step in true_model observed start pipeline constant_density; do
  "$fwi" run "$step.yaml" "$@"
done
