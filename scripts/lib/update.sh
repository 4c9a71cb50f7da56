#!/usr/bin/env bash
# Channel configuration updates that need several orgs' admins: an org admitted (add-org) or
# removed (remove-org). One org writes the unsigned update as a file; each admin signs it on its
# own host, with only its own folder, into a signature file of its own; the files travel back; one
# admin submits once the channel's Admins policy (MAJORITY Admins: 3 of 5, 4 of 6) is met.
# Sourced after scripts/env.sh and scripts/lib/{proc,config,definition,channel}.sh.

updates_dir() { echo "$GROUPBUY_VAR/updates"; }

# config_fetch ORG WORK: the channel's current config, fetched by ORG's admin from an orderer, in
# WORK/config.json (and its block number in WORK/config-block)
config_fetch() {
  local org="$1" work="$2"
  mkdir -p "$work"
  ( gb_use "$org"
    peer channel fetch config "$work/config_block.pb" -c "$GROUPBUY_CHANNEL" -o "$ORDERER_ADDRESS" \
      --ordererTLSHostnameOverride "$ORDERER_HOST_ALIAS" --tls --cafile "$ORDERER_CA" >"$work/fetch.log" 2>&1 ) \
    || { tail -n 3 "$work/fetch.log" >&2; fail "$(org_msp "$org")'s admin could not fetch the config of '$GROUPBUY_CHANNEL' (is the network up?)"; }
  configtxlator proto_decode --type common.Block --input "$work/config_block.pb" --output "$work/config_block.json" \
    || fail "configtxlator could not decode $work/config_block.pb"
  jq '.data.data[0].payload.data.config' "$work/config_block.json" >"$work/config.json"
  jq -r '.header.number' "$work/config_block.json" >"$work/config-block"
}

channel_has_org() { jq -e --arg m "$2" '.channel_group.groups.Application.groups | has($m)' "$1" >/dev/null; } # CONFIG MSP

# admins_needed CONFIG -> "NEEDED MEMBERS": signatures the Application group's Admins policy needs
# (the group's mod_policy, so it decides who may add or remove an org), of how many orgs
admins_needed() {
  local cfg="$1" rule members
  jq -e '.channel_group.groups.Application.mod_policy == "Admins"
      and .channel_group.groups.Application.policies.Admins.policy.type == 3
      and .channel_group.groups.Application.policies.Admins.policy.value.sub_policy == "Admins"' "$cfg" >/dev/null \
    || fail "the channel's Application group is not governed by an implicit '<rule> Admins' policy; this script only counts signatures for that"
  rule=$(jq -r '.channel_group.groups.Application.policies.Admins.policy.value.rule' "$cfg")
  members=$(jq '.channel_group.groups.Application.groups | length' "$cfg")
  case "$rule" in
    MAJORITY) echo "$(( members / 2 + 1 )) $members" ;;
    ANY) echo "1 $members" ;;
    ALL) echo "$members $members" ;;
    *) fail "unknown implicit policy rule '$rule' of the Application Admins policy" ;;
  esac
}

# update_write WORK ACTION ORG: the unsigned update from WORK/config.json to WORK/modified.json,
# as an envelope in WORK/update.pb, with what it does in WORK/update.json
update_write() {
  local work="$1" action="$2" org="$3"
  configtxlator proto_encode --type common.Config --input "$work/config.json" --output "$work/config.pb"
  configtxlator proto_encode --type common.Config --input "$work/modified.json" --output "$work/modified.pb"
  configtxlator compute_update --channel_id "$GROUPBUY_CHANNEL" --original "$work/config.pb" --updated "$work/modified.pb" \
    --output "$work/config_update.pb" 2>"$work/compute.log" \
    || { cat "$work/compute.log" >&2; fail "configtxlator found no difference to submit (log: $work/compute.log)"; }
  configtxlator proto_decode --type common.ConfigUpdate --input "$work/config_update.pb" --output "$work/config_update.json"
  jq -n --arg ch "$GROUPBUY_CHANNEL" --slurpfile u "$work/config_update.json" \
    '{payload: {header: {channel_header: {channel_id: $ch, type: 2}}, data: {config_update: $u[0]}}}' >"$work/envelope.json"
  configtxlator proto_encode --type common.Envelope --input "$work/envelope.json" --output "$work/update.pb"
  jq -n --arg action "$action" --arg org "$org" --arg msp "$(org_msp "$org")" --arg ch "$GROUPBUY_CHANNEL" \
    --argjson from "$(cat "$work/config-block")" --arg sha "$(sha256sum <"$work/update.pb" | cut -d' ' -f1)" \
    '{action: $action, org: $org, mspId: $msp, channel: $ch, fromConfigBlock: $from, sha256: $sha}' >"$work/update.json"
  rm -f "$work"/*.signature.json
}

# update_publish WORK ACTION ORG -> the update file: written in WORK (ACTION-ORG.new), then put in
# place of an earlier ACTION-ORG folder only now, so that a refused request changes nothing
update_publish() {
  local work="$1" final="${1%.new}"
  update_write "$work" "$2" "$3"
  rm -rf "$final"; mv "$work" "$final"
  trap - EXIT
  echo "$final/update.pb"
}

# update_add_org FILE [AS_ORG] -> the update file admitting the org of definition FILE: its MSP
# (root and TLS root certificates, NodeOUs), its Readers/Writers/Admins/Endorsement policies and
# its anchor peer in the Application group. No orderer and no consenter: the ordering service
# stays the five founding orgs' nodes.
update_add_org() {
  local file="$1" as="${2:-leader}" org msp work
  check_definition "$file"
  org=$(jq -r .org "$file"); msp=$(jq -r .mspId "$file")
  jq -e '(.orderers // []) | length == 0' "$file" >/dev/null \
    || fail "$file lists an orderer: add-org admits a peer-only org (the consenter set stays the five founding orgs' nodes)"
  work="$(updates_dir)/add-$org.new"; rm -rf "$work"; mkdir -p "$work"
  trap 'rm -rf "$work"' EXIT   # a refused request leaves nothing behind
  config_fetch "$as" "$work"
  ! channel_has_org "$work/config.json" "$msp" || fail "$msp is a member of '$GROUPBUY_CHANNEL' already; nothing to add"
  unpack_definition "$file"
  local dir; dir=$(channel_org_dir "$org")
  cat >"$work/configtx.yaml" <<YAML
Organizations:
  - Name: $msp
    ID: $msp
    MSPDir: $dir/msp
    Policies:
      Readers: {Type: Signature, Rule: "OR('$msp.admin', '$msp.peer', '$msp.client')"}
      Writers: {Type: Signature, Rule: "OR('$msp.admin', '$msp.client')"}
      Admins: {Type: Signature, Rule: "OR('$msp.admin')"}
      Endorsement: {Type: Signature, Rule: "OR('$msp.peer')"}
    AnchorPeers:
      - {Host: $(jq -r '.anchorPeers[0].host' "$file"), Port: $(jq -r '.anchorPeers[0].port' "$file")}
YAML
  FABRIC_CFG_PATH="$work" configtxgen -configPath "$work" -printOrg "$msp" >"$work/org.json" 2>"$work/configtxgen.log" \
    || { tail -n 3 "$work/configtxgen.log" >&2; fail "configtxgen could not print the group of $msp (log: $work/configtxgen.log)"; }
  jq --arg m "$msp" --slurpfile g "$work/org.json" '.channel_group.groups.Application.groups[$m] = $g[0]' \
    "$work/config.json" >"$work/modified.json"
  update_publish "$work" add "$org"
}

# update_remove_org ORG [AS_ORG] -> the update file removing ORG's group from the Application group
update_remove_org() {
  local org="$1" as="${2:-leader}" msp work
  msp=$(org_msp "$org") || fail "unknown org '$org'"
  work="$(updates_dir)/remove-$org.new"; rm -rf "$work"; mkdir -p "$work"
  trap 'rm -rf "$work"' EXIT   # a refused request leaves nothing behind
  config_fetch "$as" "$work"
  channel_has_org "$work/config.json" "$msp" || fail "$msp is not a member of '$GROUPBUY_CHANNEL'; nothing to remove"
  ! jq -e --arg m "$msp" '.channel_group.groups.Orderer.groups | has($m)' "$work/config.json" >/dev/null \
    || fail "$msp runs one of the channel's orderers (a consenter): removing it would also change the ordering service, which remove-org does not do"
  jq --arg m "$msp" 'del(.channel_group.groups.Application.groups[$m])' "$work/config.json" >"$work/modified.json"
  update_publish "$work" remove "$org"
}

update_meta() { # update_meta UPDATE_FILE -> its update.json beside it
  local meta; meta="$(dirname "$1")/update.json"
  [[ -s "$1" && -s "$meta" ]] || fail "no update at '$1' (with update.json beside it): write one with scripts/channel.sh add-org FILE or remove-org ORG"
  [[ "$(jq -r .sha256 "$meta")" == "$(sha256sum <"$1" | cut -d' ' -f1)" ]] \
    || fail "$1 is not the update $meta describes (its hash differs): it was changed after it was written"
  echo "$meta"
}

# update_sign UPDATE ORG [OUT] -> OUT (default: ORG.signature.json beside UPDATE): ORG's admin's
# signature on the update, signed with ORG's own folder only; the update file is left unchanged
update_sign() {
  local update="$1" org="$2" out="${3:-}" meta tmp
  meta=$(update_meta "$update")
  out="${out:-$(dirname "$update")/$org.signature.json}"
  tmp=$(mktemp -d "$GROUPBUY_VAR/tmp/sign-XXXXXX")
  cp "$update" "$tmp/update.pb"
  ( gb_use "$org"
    peer channel signconfigtx -f "$tmp/update.pb" >"$tmp/sign.log" 2>&1 ) \
    || { tail -n 3 "$tmp/sign.log" >&2; rm -rf "$tmp"; fail "$(org_msp "$org")'s admin could not sign $update"; }
  configtxlator proto_decode --type common.Envelope --input "$tmp/update.pb" --output "$tmp/signed.json"
  jq --arg sha "$(jq -r .sha256 "$meta")" --arg org "$org" \
    '{format: "groupbuy-config-signature/1", update: $sha, org: $org,
      mspId: .payload.data.signatures[-1].signature_header.creator.mspid, signature: .payload.data.signatures[-1]}' \
    "$tmp/signed.json" >"$out"
  rm -rf "$tmp"
  [[ "$(jq -r .mspId "$out")" == "$(org_msp "$org")" ]] || fail "the signature in $out is not by $(org_msp "$org")"
  echo "$out"
}

# update_submit UPDATE SIG_FILE...: refuses unless the signatures, by distinct admins of orgs of
# the channel, meet its Admins policy; then one signer's admin submits, and it waits for the block
update_submit() {
  local update="$1" meta sha f msp signers=() others=(); shift
  meta=$(update_meta "$update"); sha=$(jq -r .sha256 "$meta")
  (($#)) || fail "no signature files given: each admin signs with scripts/channel.sh sign-update $update ORG"
  for f in "$@"; do
    [[ -s "$f" ]] || fail "no signature file at '$f' (each admin writes one with scripts/channel.sh sign-update $update ORG)"
    jq -e '.format == "groupbuy-config-signature/1"' "$f" >/dev/null 2>&1 || fail "$f is not a signature file (scripts/channel.sh sign-update writes them)"
    [[ "$(jq -r .update "$f")" == "$sha" ]] || fail "$f signs another update, not $update"
  done
  local work; work="$(dirname "$update")/submit"; rm -rf "$work"; mkdir -p "$work"
  local first_org; first_org=$(jq -r .org "$1")
  org_known "$first_org"
  config_fetch "$first_org" "$work"
  for f in "$@"; do
    msp=$(jq -r .mspId "$f")
    if ! channel_has_org "$work/config.json" "$msp"; then others+=("$msp"); continue; fi
    [[ " ${signers[*]} " == *" $msp "* ]] && continue
    signers+=("$msp"); jq -c .signature "$f" >>"$work/signatures.jsonl"
  done
  local needed members; read -r needed members <<<"$(admins_needed "$work/config.json")"
  if ((${#signers[@]} < needed)); then
    fail "[NOT_ENOUGH_SIGNATURES] $update has ${#signers[@]} signature(s) of channel admins (${signers[*]:-none})" \
      "${others[*]:+(not counted, not members: ${others[*]}) }but the channel's Admins policy (MAJORITY Admins of its" \
      "$members orgs) needs $needed: another admin signs with scripts/channel.sh sign-update $update ORG; nothing was submitted"
  fi
  configtxlator proto_decode --type common.Envelope --input "$update" --output "$work/envelope.json"
  jq --slurpfile s "$work/signatures.jsonl" '.payload.data.signatures = $s' "$work/envelope.json" >"$work/signed.json"
  configtxlator proto_encode --type common.Envelope --input "$work/signed.json" --output "$work/signed.pb"
  local before; before=$(cat "$work/config-block")
  say "submitting $(jq -r '.action + " " + .mspId' "$meta") with ${#signers[@]} of $members admins' signatures (${signers[*]}; $needed needed)"
  ( gb_use "$first_org"
    peer channel update -f "$work/signed.pb" -c "$GROUPBUY_CHANNEL" -o "$ORDERER_ADDRESS" \
      --ordererTLSHostnameOverride "$ORDERER_HOST_ALIAS" --tls --cafile "$ORDERER_CA" >"$work/update.log" 2>&1 ) \
    || { tail -n 3 "$work/update.log" >&2; fail "the orderer refused the update (log: $work/update.log)"; }
  wait_until 60 "config block after $before" config_block_after "$first_org" "$work/after" "$before" \
    || fail "the channel's config did not change within 60 s after the update was submitted"
  local org; org=$(jq -r .org "$meta")
  mkdir -p "$GROUPBUY_VAR/channel/members"
  case "$(jq -r .action "$meta")" in
    add) touch "$GROUPBUY_VAR/channel/members/$org" ;;
    remove) rm -f "$GROUPBUY_VAR/channel/members/$org" ;;
  esac
  say "config block $(cat "$work/after/config-block"): $(jq -r '.action + " " + .mspId' "$meta") done"
}

config_block_after() { # config_block_after ORG WORK N: the config block is newer than N
  ( config_fetch "$1" "$2" ) >/dev/null 2>&1 && (($(cat "$2/config-block") > $3))
}
