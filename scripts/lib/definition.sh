#!/usr/bin/env bash
# An org's public definition (scripts/org.sh ORG export) as the channel uses it: checked, then
# unpacked into $GROUPBUY_VAR/channel/orgs/ORG (its MSP folder and its orderer's certificates,
# which configtx.yaml points at), and its endpoints as the settings configtx.yaml reads. Sourced
# after scripts/env.sh and scripts/lib/proc.sh.

channel_org_dir() { echo "$GROUPBUY_VAR/channel/orgs/$1"; } # channel_org_dir ORG

# check_definition FILE: a definition we can use, or a clear error naming what is wrong (an org
# that joins later may have no orderer: channel_create requires one of each founding org)
check_definition() {
  local f="$1" org msp
  [[ -s "$f" ]] || fail "no org definition at '$f' (each org writes one with scripts/org.sh ORG export)"
  jq -e '.format == "groupbuy-org/1"' "$f" >/dev/null 2>&1 \
    || fail "$f is not an org definition (format groupbuy-org/1 written by scripts/org.sh ORG export)"
  org=$(jq -r .org "$f"); msp=$(jq -r .mspId "$f")
  [[ "$(org_msp "$org" 2>/dev/null)" == "$msp" ]] || fail "$f: org '$org' with MSP ID '$msp' is not an org of this network"
  local field fields=(rootCert tlsRootCert)
  jq -e '(.orderers // []) | length > 0' "$f" >/dev/null && fields+=('orderers[0].identityCert' 'orderers[0].tlsCert')
  for field in "${fields[@]}"; do
    jq -r ".$field // empty" "$f" | openssl x509 -noout 2>/dev/null \
      || fail "$f: .$field is not a PEM certificate"
  done
  jq -e '(.anchorPeers | length) > 0 and ((.anchorPeers[0].host | length) > 0) and (.anchorPeers[0].port | type) == "number"
      and ((.orderers // []) | all((.host | length) > 0 and (.port | type) == "number"))' "$f" >/dev/null \
    || fail "$f: needs at least one anchor peer (host and port), and a host and port for each orderer"
}

# unpack_definition FILE: the org's MSP and orderer certificates in channel_org_dir, byte for byte
# (an orderer finds itself among the consenters by comparing its certificate's bytes), and its
# endpoints exported as ORG_PEER_HOST/PORT and ORG_ORDERER_HOST/PORT for configtx.yaml
unpack_definition() {
  local f="$1" org dir
  org=$(jq -r .org "$f" 2>/dev/null || true); dir=$(channel_org_dir "${org:-none}")
  # unpacked before from this very file: only the endpoints are needed again
  [[ -n "$org" && "$dir/from.json" -nt "$f" ]] && cmp -s "$f" "$dir/from.json" || {
    check_definition "$f"
    rm -rf "$dir"; mkdir -p "$dir/msp/cacerts" "$dir/msp/tlscacerts"
    jq -j .rootCert "$f" >"$dir/msp/cacerts/ca.pem"
    jq -j .tlsRootCert "$f" >"$dir/msp/tlscacerts/ca.pem"
    write_nodeous "$dir/msp"
    if jq -e '(.orderers // []) | length > 0' "$f" >/dev/null; then
      mkdir -p "$dir/orderer0"
      jq -j '.orderers[0].identityCert' "$f" >"$dir/orderer0/identity.pem"
      jq -j '.orderers[0].tlsCert' "$f" >"$dir/orderer0/tls.pem"
    fi
    cp "$f" "$dir/from.json"
  }
  local up="${org^^}" endpoints
  endpoints=$(jq -r '[.anchorPeers[0].host, .anchorPeers[0].port, (.orderers[0].host // ""), (.orderers[0].port // "")] | @tsv' "$f")
  IFS=$'\t' read -r "${up}_PEER_HOST" "${up}_PEER_PORT" "${up}_ORDERER_HOST" "${up}_ORDERER_PORT" <<<"$endpoints"
  export "${up}_PEER_HOST" "${up}_PEER_PORT" "${up}_ORDERER_HOST" "${up}_ORDERER_PORT"
}
