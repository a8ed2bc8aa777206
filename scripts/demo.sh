#!/usr/bin/env bash
# Applies examples/quickstart against a local gpucloud-sim, shows the
# outputs and destroys; with-sim.sh then checks that nothing is left billed.
# TF may name terraform or tofu; BIN holds the built binaries.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
export TF=${TF:-terraform}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root"/examples/quickstart/*.tf "$work/"
cd "$work"

"$root/scripts/with-sim.sh" bash -c '
  set -euo pipefail
  echo "==> $TF apply (examples/quickstart against gpucloud-sim)"
  "$TF" apply -auto-approve -input=false -compact-warnings
  echo
  echo "==> outputs"
  "$TF" output
  echo
  echo "==> $TF destroy"
  "$TF" destroy -auto-approve -input=false >destroy.log 2>&1 || { cat destroy.log; exit 1; }
  grep -E "^Destroy complete" destroy.log'
echo "nothing billed is left in the simulator"
