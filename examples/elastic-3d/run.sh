#!/usr/bin/env bash
# examples/elastic-3d: a 3-D elastic shot on a free surface, v_z, v_y and v_x on a receiver line.
# Options (--quiet, --threads N) go to ./fwi run.
set -euo pipefail
cd "$(dirname "$0")"
fwi="${FWI:-../../fwi}"
"$fwi" run pipeline.yaml "$@"
