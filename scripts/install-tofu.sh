#!/usr/bin/env bash
# Builds OpenTofu VERSION from its Go module (served by the Go module proxy)
# into OUT, unless OUT is already there: machines without OpenTofu get the
# pinned one, and a second run costs nothing.
set -euo pipefail

version=${1:?usage: install-tofu.sh VERSION OUT}
out=${2:?usage: install-tofu.sh VERSION OUT}
if [ -x "$out" ]; then
  exit 0
fi
dir=$(go mod download -json "github.com/opentofu/opentofu@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$dir" ] || { echo "install-tofu: the Go module proxy did not serve OpenTofu v$version" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
echo "building OpenTofu v$version into $out (a few minutes, once)"
(cd "$dir" && GOFLAGS=-mod=mod go build -trimpath \
  -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$out.partial" ./cmd/tofu)
mv "$out.partial" "$out"
"$out" version
