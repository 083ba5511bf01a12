#!/usr/bin/env bash
# examples/snapshots: the GIF of a 2-D shot (movie/), and the same frames as PNGs (frames/).
# Options (--quiet, --threads N) go to every ./fwi run.
set -euo pipefail
cd "$(dirname "$0")"
fwi="${FWI:-../../fwi}"
for step in pipeline frames; do
  "$fwi" run "$step.yaml" "$@"
done
