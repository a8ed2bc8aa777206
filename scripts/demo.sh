#!/usr/bin/env bash
# Applies examples/quickstart against a local gpucloud-sim through a
# dev_overrides CLI configuration, shows the outputs, destroys, and stops the
# simulator. TF may name terraform or tofu; BIN holds the built binaries.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
TF=${TF:-terraform}
BIN=${BIN:-$root/bin}
work=$(mktemp -d)
sim_pid=""

cleanup() {
  if [ -n "$sim_pid" ] && kill -0 "$sim_pid" 2>/dev/null; then
    kill -TERM "$sim_pid" && wait "$sim_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$BIN/gpucloud-sim" -listen 127.0.0.1:0 >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 100); do
  grep -q 'ready on' "$work/sim.log" 2>/dev/null && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$work/sim.log"; exit 1; }
  sleep 0.1
done
base=$(sed -n 's/^gpucloud-sim: ready on //p' "$work/sim.log")
[ -n "$base" ] || { echo "gpucloud-sim did not start:"; cat "$work/sim.log"; exit 1; }
cat "$work/sim.log"

cat >"$work/dev.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "gpucloud/gpucloud" = "$BIN"
    "registry.opentofu.org/gpucloud/gpucloud" = "$BIN"
  }
  direct {}
}
CFG
export TF_CLI_CONFIG_FILE="$work/dev.tfrc"
export VERDA_ENDPOINT="$base/verda/v1"
export VERDA_CLIENT_ID=sim-verda-client
export VERDA_CLIENT_SECRET=sim-verda-secret
export TF_IN_AUTOMATION=1

cp "$root"/examples/quickstart/*.tf "$work/"
cd "$work"
echo
echo "==> $TF apply (examples/quickstart against gpucloud-sim)"
"$TF" apply -auto-approve -input=false -compact-warnings
echo
echo "==> outputs"
"$TF" output
echo
echo "==> $TF destroy"
"$TF" destroy -auto-approve -input=false >destroy.log 2>&1 || { cat destroy.log; exit 1; }
grep -E '^Destroy complete' destroy.log
billed=$(curl -fsS "$base/_sim/ledger")
echo "billed objects left in the simulator: $billed"
[ "$billed" = "[]" ] || { echo "destroy left billed objects behind"; exit 1; }
