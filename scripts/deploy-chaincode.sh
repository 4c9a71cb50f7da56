#!/usr/bin/env bash
# Deploys (or upgrades) a Java chaincode as a service on every org of the channel: builds the jar,
# packages it for the ccaas external builder, installs it on every org's peer (the five, and
# an org admitted later), starts one chaincode server per org, approves it for every org,
# commits it and waits until it answers.
set -euo pipefail

GB_SCRIPT=deploy
usage() {
  cat <<'USAGE'
Usage: scripts/deploy-chaincode.sh [--name NAME] [--version V] [--jar FILE] [--collections FILE|none]
       scripts/deploy-chaincode.sh --start-servers | --stop-servers
       scripts/deploy-chaincode.sh --help

Deploys chaincode NAME (default groupbuy) on the running network, or upgrades it in place when
the jar or version differ from what is committed (next sequence; the network stays up).

  --name NAME          chaincode name: groupbuy (default) or kvbaseline (the benchmark baseline)
  --version V          version label; default: a hash of the chaincode's sources (or of the
                       --jar given), so changed code upgrades and unchanged code is left alone
  --jar FILE           the chaincode jar (default: built with Maven from this repo)
  --collections FILE   private data collections (default for groupbuy: network/collections_config.json)
  --redefine           define the next sequence even when the version is committed already: after
                       an org joined the channel (its peer endorses once its org approved), or left
  --start-servers      (re)start the chaincode servers of every deployed chaincode (used by network.sh up)
  --stop-servers       stop them

Endorsement policy: the channel's /Channel/Application/Endorsement, MAJORITY of the channel's
orgs (3 of the five; 4 of six once a sixth org joined). Orgs: the five, and each org admitted
with scripts/channel.sh add-org. The chaincode adds key-level policies per record
(docs/contract.md "Per-step endorsement").
Chaincode servers: one JVM per org; logs in var/logs/ccaas.NAME.ORG.log.
USAGE
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""  # "" so that env.sh does not see this script's arguments
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"
# shellcheck source=lib/hosts.sh
source "$here/lib/hosts.sh"
on_client_host "$here/deploy-chaincode.sh" "$@"   # with --hosts netns: from the client's namespace

name=groupbuy version="" jar="" collections="" mode=deploy module="" redefine=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --name) name="${2:?--name needs a value}"; shift 2 ;;
    --version) version="${2:?--version needs a value}"; shift 2 ;;
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    --collections) collections="${2:?--collections needs a file or none}"; shift 2 ;;
    --redefine) redefine=1; shift ;;
    --start-servers) mode=start; shift ;;
    --stop-servers) mode=stop; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "deploy-chaincode: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

# Chaincode server sizing for this 2-core machine: a small heap, the serial collector, and a
# shim thread pool of 4 (more threads only add contention here).
CCAAS_JAVA_OPTS="${GROUPBUY_CCAAS_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
CCAAS_THREADS="${GROUPBUY_CCAAS_THREADS:-4}"
mapfile -t cc_orgs < <(channel_orgs)   # the five, and an org admitted since

state_dir() { echo "$GROUPBUY_VAR/chaincode/$1"; }

start_servers_of() { # start_servers_of NAME: from its deployed.env
  local cc="$1" dir; dir=$(state_dir "$1")
  # shellcheck disable=SC1091
  local PACKAGE_ID JAR; source "$dir/deployed.env"
  mkdir -p "$dir/conf"
  printf 'TP_CORE_POOL_SIZE=%s\nTP_MAX_POOL_SIZE=%s\nTP_QUEUE_SIZE=5000\n' "$CCAAS_THREADS" "$CCAAS_THREADS" >"$dir/conf/config.props"
  local org host port proc tls
  for org in "${cc_orgs[@]}"; do
    host=$(setting "$org" CCAAS_HOST); port=$(ccaas_port "$org" "$cc"); proc="ccaas.$cc.$org"
    if is_running "$proc"; then continue; fi
    # the server's TLS key pair: the shim serves TLS from the *_FILE PEM files, and also reads
    # the *_PATH files, base64-encoded, when a peer connects
    tls="$(org_dir "$org")/ccaas/tls"
    base64 -w0 "$tls/signcerts/cert.pem" >"$tls/cert.b64"
    base64 -w0 "$tls/keystore/key.pem" >"$tls/key.b64"
    echo "$host:$port" >"$GB_RUN/$proc.addr"
    # shellcheck disable=SC2086
    CHAINCODE_SERVER_ADDRESS="$host:$port" CORE_CHAINCODE_ID_NAME="$PACKAGE_ID" \
    CORE_PEER_LOCALMSPID="$(org_msp "$org")" CORE_PEER_TLS_ENABLED=true \
    CORE_TLS_CLIENT_CERT_FILE="$tls/signcerts/cert.pem" CORE_TLS_CLIENT_KEY_FILE="$tls/keystore/key.pem" \
    CORE_TLS_CLIENT_CERT_PATH="$tls/cert.b64" CORE_TLS_CLIENT_KEY_PATH="$tls/key.b64" \
    CORE_PEER_TLS_ROOTCERT_FILE="$(org_ca_cert "$org")" \
    CORE_CHAINCODE_LOGGING_LEVEL="${GROUPBUY_CCAAS_LOGGING:-INFO}" GB_IN_NETNS=$(org_netns "$org") \
      start_process "$proc" java $CCAAS_JAVA_OPTS -cp "$dir/conf:$JAR" org.hyperledger.fabric.contract.ContractRouter
  done
  for org in "${cc_orgs[@]}"; do
    host=$(setting "$org" CCAAS_HOST); port=$(ccaas_port "$org" "$cc"); proc="ccaas.$cc.$org"
    wait_port "$proc" "$host" "$port" 60
  done
  say "chaincode servers of '$cc' listening (${#cc_orgs[@]} orgs)"
}

stop_servers_of() {
  local org names=()
  for org in "${cc_orgs[@]}"; do names+=("ccaas.$1.$org"); done
  stop_processes "${names[@]}"
}

if [[ "$mode" != deploy ]]; then
  for f in "$GROUPBUY_VAR"/chaincode/*/deployed.env; do
    [[ -e "$f" ]] || continue
    cc=$(basename "$(dirname "$f")")
    if [[ "$mode" == start ]]; then start_servers_of "$cc"; else stop_servers_of "$cc"; fi
  done
  exit 0
fi

# ---------------------------------------------------------------- the jar
if [[ -z "$jar" ]]; then
  case "$name" in
    groupbuy) module=chaincode; jar="$GROUPBUY_ROOT/chaincode/target/groupbuy-chaincode.jar" ;;
    kvbaseline) module=baseline; jar="$GROUPBUY_ROOT/baseline/target/kvbaseline-chaincode.jar" ;;
    *) fail "unknown chaincode '$name': give --jar FILE" ;;
  esac
  if [[ ! -s "$jar" || -n "$(cd "$GROUPBUY_ROOT" && find "$module/src/main" "$module/pom.xml" statebatch/src/main statebatch/pom.xml pom.xml -newer "$jar" -print -quit)" ]]; then
    say "building the $name jar with Maven"
    (cd "$GROUPBUY_ROOT" && mvn -q -B -pl "$module" -am package -DskipTests) >"$GB_LOGS/build-$name.log" 2>&1 \
      || { tail -n 20 "$GB_LOGS/build-$name.log" >&2; fail "Maven could not build $name (log: $GB_LOGS/build-$name.log)"; }
  fi
fi
[[ -s "$jar" ]] || fail "no chaincode jar at $jar"
if [[ -z "$collections" && "$name" == groupbuy ]]; then collections="$GROUPBUY_ROOT/network/collections_config.json"; fi
[[ "$collections" == none ]] && collections=""
[[ -z "$collections" || -s "$collections" ]] || fail "collections file '$collections' not found"
if [[ -z "$version" ]]; then
  if [[ -n "${module:-}" ]]; then
    # built here: a hash of the module's sources and the poms (the shaded jar's bytes vary
    # from build to build), so an unchanged chaincode is not upgraded
    version=$(cd "$GROUPBUY_ROOT" && find "$module/src/main" "$module/pom.xml" pom.xml -type f | LC_ALL=C sort \
      | xargs sha256sum | sha256sum | cut -c1-12)
  else
    version=$(sha256sum "$jar" | cut -c1-12)
  fi
fi
[[ "$version" =~ ^[A-Za-z0-9._-]+$ ]] || fail "version '$version' may only hold letters, digits, '.', '_' and '-'"

is_running peer0.leader || fail "the network is not running; start it with scripts/network.sh up"

dir=$(state_dir "$name"); mkdir -p "$dir/pkg"
label="${name}_${version}"
pkg="$dir/pkg/$label.tar.gz"

# ---------------------------------------------------------------- package (one for all orgs)
if [[ ! -s "$pkg" ]]; then
  say "packaging $label for the ccaas builder"
  tmp=$(mktemp -d)
  printf '{"address":"{{%s}}","dial_timeout":"10s","tls_required":true,"client_auth_required":false,"root_cert":"{{root_cert}}"}\n' "$name" >"$tmp/connection.json"
  tar -C "$tmp" -czf "$tmp/code.tar.gz" connection.json
  printf '{"type":"ccaas","label":"%s"}\n' "$label" >"$tmp/metadata.json"
  tar -C "$tmp" -czf "$pkg" metadata.json code.tar.gz
  rm -rf "$tmp"
fi
export FABRIC_CFG_PATH="$GROUPBUY_VAR/config"
package_id=$(peer lifecycle chaincode calculatepackageid "$pkg")

# ---------------------------------------------------------------- install on every peer
# (peer0 of each org, and the peers added from a snapshot: scripts/org.sh ORG add-peer)
for org in "${cc_orgs[@]}"; do
  for node in peer0 $(added_peers "$org"); do
    ( gb_use "$org"; gb_at_peer "$org" "$node"
      if ! peer lifecycle chaincode queryinstalled --output json 2>/dev/null | jq -e --arg id "$package_id" \
          '.installed_chaincodes // [] | any(.package_id == $id)' >/dev/null; then
        say "installing $label on $node.$org"
        peer lifecycle chaincode install "$pkg" >>"$GB_LOGS/deploy.log" 2>&1 \
          || { tail -n 5 "$GB_LOGS/deploy.log" >&2; fail "install on $node.$org failed"; }
      fi )
  done
done

# ---------------------------------------------------------------- definition: version and sequence
committed=$(gb_use leader && peer lifecycle chaincode querycommitted -C "$GROUPBUY_CHANNEL" -n "$name" --output json 2>/dev/null || true)
current_seq=$(jq -r '.sequence // 0' <<<"${committed:-{\}}" 2>/dev/null || echo 0)
current_version=$(jq -r '.version // ""' <<<"${committed:-{\}}" 2>/dev/null || echo "")

# servers: (re)start with this package ID when it is not the one they run
old_pkg=""
[[ -f "$dir/deployed.env" ]] && old_pkg=$(sed -n 's/^PACKAGE_ID=//p' "$dir/deployed.env")
cp "$jar" "$dir/$label.jar"
if [[ "$old_pkg" != "$package_id" ]]; then
  [[ -n "$old_pkg" ]] && { say "stopping the servers of the previous package"; stop_servers_of "$name"; }
  printf 'NAME=%s\nVERSION=%s\nPACKAGE_ID=%s\nJAR=%s\n' "$name" "$version" "$package_id" "$dir/$label.jar" >"$dir/deployed.env"
fi
start_servers_of "$name"

if [[ "$current_version" == "$version" ]] && ((!redefine)); then
  say "$name version $version is already committed at sequence $current_seq; nothing to upgrade"
else
  sequence=$(( current_seq + 1 ))
  say "defining $name version $version, sequence $sequence (was: ${current_version:-not deployed})"
  def=(--channelID "$GROUPBUY_CHANNEL" --name "$name" --version "$version" --sequence "$sequence"
       --channel-config-policy /Channel/Application/Endorsement)
  [[ -n "$collections" ]] && def+=(--collections-config "$collections")
  for org in "${cc_orgs[@]}"; do
    ( gb_use "$org"
      say "approving for $(org_msp "$org")"
      peer lifecycle chaincode approveformyorg -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" \
        --package-id "$package_id" "${def[@]}" --waitForEvent >>"$GB_LOGS/deploy.log" 2>&1 \
        || { tail -n 5 "$GB_LOGS/deploy.log" >&2; fail "approval by $(org_msp "$org") failed"; } )
  done
  ( gb_use leader
    readiness=$(peer lifecycle chaincode checkcommitreadiness "${def[@]}" --output json 2>>"$GB_LOGS/deploy.log")
    jq -e '.approvals | all' <<<"$readiness" >/dev/null || fail "not every org approved: $readiness"
    peers=()
    for org in "${cc_orgs[@]}"; do
      peers+=(--peerAddresses "$(peer_address "$org")" --tlsRootCertFiles "$(org_ca_cert "$org")")
    done
    say "committing the definition"
    peer lifecycle chaincode commit -o "$ORDERER_ADDRESS" --tls --cafile "$ORDERER_CA" "${def[@]}" "${peers[@]}" \
      >>"$GB_LOGS/deploy.log" 2>&1 || { tail -n 5 "$GB_LOGS/deploy.log" >&2; fail "commit of the definition failed"; } )
fi

# ---------------------------------------------------------------- wait until every peer answers
for org in "${cc_orgs[@]}"; do
  ( gb_use "$org"
    wait_until 90 "$name on $org" peer chaincode query -C "$GROUPBUY_CHANNEL" -n "$name" \
      -c '{"Args":["org.hyperledger.fabric:GetMetadata"]}' \
      || fail "chaincode $name does not answer on peer0.$org (logs: $GB_LOGS/peer0.$org.log, $GB_LOGS/ccaas.$name.$org.log)" )
done
say "$name $version deployed: package $package_id answers on all ${#cc_orgs[@]} peers"
