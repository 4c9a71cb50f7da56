#!/usr/bin/env bash
# Builds the Hyperledger Fabric and Fabric CA binaries with `go install` from pinned Go module
# versions into a cache outside the clone, and copies Fabric's sample configuration from the
# same module. Skips whatever is already built.
set -euo pipefail

usage() {
  cat <<USAGE
Usage: scripts/install-fabric.sh [--force] [--help]

Builds peer, orderer, osnadmin, configtxgen, configtxlator (Fabric) and fabric-ca-server,
fabric-ca-client (Fabric CA) with 'go install' from pinned module versions.

  --force   rebuild even if the binaries are already in the cache
  --help    this text

Where:   \${GROUPBUY_CACHE:-\$HOME/.cache/groupbuy}/fabric/<version>/{bin,config}
Pinned:  see FABRIC_MODULE_VERSION and FABRIC_CA_VERSION in scripts/versions.env
USAGE
}

force=0
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-fabric: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

command -v go >/dev/null 2>&1 || {
  echo "install-fabric: Go is not installed or not on PATH; install Go 1.20+ and run again" >&2; exit 1; }

bin="$FABRIC_HOME/bin"
cfg="$FABRIC_HOME/config"
mkdir -p "$bin" "$cfg"

started=$(date +%s)
log() { printf '[install-fabric %3ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }

module_dir() { # module_dir MODULE@VERSION: downloads the module (checksum-verified) and prints its folder
  local dir
  dir=$(go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  if [[ -z "$dir" || ! -d "$dir" ]]; then
    echo "install-fabric: could not download $1 from the Go module proxy:" >&2
    go mod download -json "$1" >&2 || true
    echo "install-fabric: check 'go env GOPROXY' and your network, then run again" >&2
    exit 1
  fi
  printf '%s\n' "$dir"
}

# The binaries say which release they are: Fabric's Makefile stamps the version and commit into
# common/metadata with -X; without it 'peer version' says "latest" and "development build".
fabric_ldflags="-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_RELEASE"
fabric_ldflags+=" -X github.com/hyperledger/fabric/common/metadata.CommitSHA=$FABRIC_COMMIT"
ca_ldflags="-X github.com/hyperledger/fabric-ca/lib/metadata.Version=${FABRIC_CA_VERSION#v}"

# 'go install MODULE/cmd@VERSION' would also ask the proxy for the module's version list (to
# look for deprecation notices), which the proxy here refuses for Fabric; so the binaries are
# installed from inside the downloaded module, with the dependencies its own go.sum pins.
build() { # build MODULE_DIR PACKAGE BINARY LDFLAGS
  local moddir="$1" target="$2" name="$3" ldflags="$4"
  if [[ $force -eq 0 && -x "$bin/$name" ]]; then
    log "$name already built, skipping"
    return
  fi
  log "building $name from $target ..."
  local t0; t0=$(date +%s)
  if ! (cd "$moddir" && GOBIN="$bin" CGO_ENABLED=1 GOFLAGS=-mod=readonly go install -ldflags "$ldflags" "$target") \
      >"$FABRIC_HOME/build-$name.log" 2>&1; then
    echo "install-fabric: building $name failed; the Go toolchain said:" >&2
    tail -n 20 "$FABRIC_HOME/build-$name.log" >&2
    echo "install-fabric: check that the Go module proxy is reachable (go env GOPROXY) and run again" >&2
    exit 1
  fi
  log "$name built in $(( $(date +%s) - t0 ))s"
}

log "Fabric module github.com/hyperledger/fabric@$FABRIC_MODULE_VERSION"
log "Fabric CA module github.com/hyperledger/fabric-ca@$FABRIC_CA_VERSION"
log "cache: $FABRIC_HOME"
fabric_dir=$(module_dir "github.com/hyperledger/fabric@$FABRIC_MODULE_VERSION")
ca_dir=$(module_dir "github.com/hyperledger/fabric-ca@$FABRIC_CA_VERSION")
for cmd in peer orderer osnadmin configtxgen configtxlator; do
  build "$fabric_dir" "./cmd/$cmd" "$cmd" "$fabric_ldflags"
done

for cmd in fabric-ca-server fabric-ca-client; do
  build "$ca_dir" "./cmd/$cmd" "$cmd" "$ca_ldflags"
done

if [[ $force -eq 1 || ! -f "$cfg/core.yaml" ]]; then
  log "copying Fabric's sample core.yaml, orderer.yaml, configtx.yaml from the module"
  install -m 0644 "$fabric_dir/sampleconfig/core.yaml" "$fabric_dir/sampleconfig/orderer.yaml" \
    "$fabric_dir/sampleconfig/configtx.yaml" "$cfg/"
fi
log "done: $(ls "$bin" | tr '\n' ' ')"
