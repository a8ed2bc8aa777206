#!/usr/bin/env bash
# Runs this module's tests against gpucloud-sim. In your own repository,
# copy scripts/with-sim.sh next to it and point the last line there; TF may
# name terraform or tofu.
set -euo pipefail
cd "$(dirname "$0")"
exec ../../scripts/with-sim.sh "${TF:-terraform}" test
