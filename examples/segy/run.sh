#!/usr/bin/env bash
# examples/segy end to end: a true model, SEG-Y field data modelled on it, its headers'
# summary, and FWI reading survey and data from the SEG-Y file.
# Options (--quiet, --threads N) go to every ./fwi run.
set -euo pipefail
cd "$(dirname "$0")"
fwi="${FWI:-../../fwi}"
"$fwi" run true_model.yaml "$@"
"$fwi" run observed.yaml "$@"
"$fwi" segy info observed/receiver_data.sgy
"$fwi" run pipeline.yaml "$@"
