#!/usr/bin/env bash
# examples/hessian end to end: model, data, the Hessian, Newton, gradient descent.
# Options (--quiet, --threads N) go to every ./fwi run.
set -euo pipefail
cd "$(dirname "$0")"
fwi="${FWI:-../../fwi}"
for step in true_model observed hessian newton gradient_descent; do
  "$fwi" run "$step.yaml" "$@"
done
