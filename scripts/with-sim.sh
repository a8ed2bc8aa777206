#!/usr/bin/env bash
# Runs a command against a fresh gpucloud-sim on a free loopback port, the
# way you would test a module offline:
#
#   scripts/with-sim.sh terraform test
#
# The command sees every cloud's endpoint and credentials in the provider's
# environment variables, and a CLI configuration whose dev_overrides point
# gpucloud/gpucloud at the provider in BIN (default: ./bin of this
# repository, as `make build` leaves it). After the command, anything the
# simulator still bills fails the run: tests must destroy what they make.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$root/bin}
[ $# -gt 0 ] || { echo "usage: with-sim.sh COMMAND [ARG...]" >&2; exit 2; }
for f in gpucloud-sim terraform-provider-gpucloud; do
  [ -x "$BIN/$f" ] || { echo "with-sim: $BIN/$f is missing: run 'make build' first, or set BIN" >&2; exit 1; }
done

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
  kill -0 "$sim_pid" 2>/dev/null || { cat "$work/sim.log" >&2; exit 1; }
  sleep 0.1
done
base=$(sed -n 's/^gpucloud-sim: ready on //p' "$work/sim.log")
[ -n "$base" ] || { echo "gpucloud-sim did not start:" >&2; cat "$work/sim.log" >&2; exit 1; }

cat >"$work/dev.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "gpucloud/gpucloud" = "$BIN"
    "registry.opentofu.org/gpucloud/gpucloud" = "$BIN"
  }
  direct {}
}
CFG
export GPUCLOUD_SIM="$base"
export TF_CLI_CONFIG_FILE="$work/dev.tfrc" TF_IN_AUTOMATION=1
export VERDA_ENDPOINT="$base/verda/v1" VERDA_CLIENT_ID=sim-verda-client VERDA_CLIENT_SECRET=sim-verda-secret
export TENSORDOCK_ENDPOINT="$base/tensordock/api/v2" TENSORDOCK_API_TOKEN=sim-tensordock-token
export BLUELOBSTER_ENDPOINT="$base/bluelobster/api/v1" BLUELOBSTER_API_KEY=sim-bluelobster-key
export NOVA_ENDPOINT="$base/nova" NOVA_API_KEY=nv_live_sim_read_write
export NOVITAI_ENDPOINT="$base/novitai" NOVITAI_API_KEY=sim-novitai-key

"$@"

billed=$(curl -fsS "$base/_sim/ledger")
if [ "$billed" != "[]" ]; then
  echo "with-sim: billed objects left in the simulator: $billed" >&2
  exit 1
fi
