#!/usr/bin/env bash
# Fabric CA client helpers shared by network.sh (the cast at first start-up) and identity.sh
# (identities added or revoked later): every call logs to $GB_LOGS/ca-client.ORG.log, MSP
# folders get fixed file names and the NodeOUs config. Sourced after scripts/env.sh and
# scripts/lib/proc.sh.

# the bootstrap identity of every CA (fabric-ca-server -b); it registers, revokes and signs CRLs
CA_BOOTSTRAP="ca-admin:${GROUPBUY_CA_ADMIN_SECRET:-ca-adminpw}"

ca_url() { echo "https://$(setting "$1" CA_HOST):$(setting "$1" CA_PORT)"; }
ca_healthy() { http_ok "http://$(setting "$1" CA_HOST):$(setting "$1" CA_OPS_PORT)/healthz"; }
# the fabric-ca-client home of ORG's bootstrap identity (its MSP is in msp/, its CRLs in msp/crls/)
ca_registrar_home() { echo "$(org_dir "$1")/registrar"; }

ca_query() { # ca_query ORG HOME ARGS...: fabric-ca-client against ORG's CA; its output on stdout and in the log
  local org="$1" home="$2" out rc=0; shift 2
  out=$(FABRIC_CA_CLIENT_HOME="$home" fabric-ca-client "$@" --tls.certfiles "$(org_ca_cert "$org")" 2>&1) || rc=$?
  printf '===== %s fabric-ca-client %s (home %s): exit %s\n%s\n' "$(date -u +%FT%TZ)" "$1" "$home" "$rc" "$out" \
    >>"$GB_LOGS/ca-client.$org.log"
  printf '%s\n' "$out"
  return "$rc"
}

ca_run() { ca_query "$@" >/dev/null; } # ca_run ORG HOME ARGS...: the same, output only in the log

ca_client() { # ca_client ORG HOME ARGS...: as ca_run, but fails the script (with the log's end) on error
  local org="$1"
  ca_run "$@" || {
    tail -n 5 "$GB_LOGS/ca-client.$org.log" >&2
    fail "fabric-ca-client $3 failed for org $org (log: $GB_LOGS/ca-client.$org.log)"; }
}

# ca_registrar ORG: enrolls ORG's bootstrap identity into its registrar home unless done before
ca_registrar() {
  local org="$1" home; home="$(ca_registrar_home "$1")"
  [[ -s "$home/msp/signcerts/cert.pem" ]] && return 0
  ca_client "$org" "$home" enroll -u "$(ca_url "$org" | sed "s#https://#https://$CA_BOOTSTRAP@#")"
}

# ca_attrs ROLE COMMUNITY -> the --id.attrs value ("-" or "" for none): both in the enrollment
# certificate (ecert), where the chaincode reads them
ca_attrs() {
  local role="$1" community="$2" attrs=""
  [[ -n "$role" && "$role" != "-" ]] && attrs="role=$role:ecert"
  [[ -n "$community" && "$community" != "-" ]] && attrs="${attrs:+$attrs,}community=$community:ecert"
  printf '%s' "$attrs"
}

# ca_register ORG NAME SECRET TYPE ROLE COMMUNITY: registers NAME at ORG's CA (registrar enrolled)
ca_register() {
  local org="$1" name="$2" secret="$3" type="$4" attrs; attrs=$(ca_attrs "$5" "$6")
  local reg=(register --id.name "$name" --id.secret "$secret" --id.type "$type" -u "$(ca_url "$org")")
  [[ -n "$attrs" ]] && reg+=(--id.attrs "$attrs")
  ca_client "$org" "$(ca_registrar_home "$org")" "${reg[@]}"
}

write_nodeous() { # write_nodeous MSPDIR
  cat >"$1/config.yaml" <<'YAML'
NodeOUs:
  Enable: true
  ClientOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: client}
  PeerOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: peer}
  AdminOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: admin}
  OrdererOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: orderer}
YAML
}

# tidy_msp DIR: fixed file names (cacerts/ca.pem, signcerts/cert.pem, keystore/key.pem)
tidy_msp() {
  local d="$1" f
  for f in "$d"/keystore/*_sk; do [[ -e "$f" ]] && mv "$f" "$d/keystore/key.pem"; done
  for sub in cacerts tlscacerts; do
    for f in "$d/$sub"/*.pem; do [[ -e "$f" && "$f" != "$d/$sub/ca.pem" ]] && mv "$f" "$d/$sub/ca.pem"; done
  done
  return 0
}

enroll() { # enroll ORG NAME SECRET MSPDIR [tls HOSTS]
  local org="$1" name="$2" secret="$3" dir="$4" profile="${5:-}" hosts="${6:-}"
  local url; url="$(ca_url "$org")"; url="${url/https:\/\//https://$name:$secret@}"
  local args=(enroll -u "$url" -M "$dir")
  [[ -n "$profile" ]] && args+=(--enrollment.profile tls --csr.hosts "$hosts")
  ca_client "$org" "$GROUPBUY_VAR/tmp/ca-client-$org-$name" "${args[@]}"
  tidy_msp "$dir"
  [[ -z "$profile" ]] && write_nodeous "$dir"
  return 0
}

user_dir() { echo "$(org_dir "$1")/users/$2"; }

# enroll_user ORG NAME SECRET TYPE: a user's MSP in users/NAME/msp (where env.sh, the CLI and the
# tests look); an admin also gets a TLS client certificate (osnadmin needs one for mutual TLS)
enroll_user() {
  local org="$1" name="$2" secret="$3" type="$4" dir; dir="$(user_dir "$1" "$2")"
  enroll "$org" "$name" "$secret" "$dir/msp"
  [[ "$type" == admin ]] && enroll "$org" "$name" "$secret" "$dir/tls" tls "localhost,127.0.0.1"
  return 0
}

# ---------------------------------------------------------------- an org's CA and its cast
# (used at first start-up by scripts/org.sh ORG init and scripts/network.sh up)

start_ca() { # start_ca ORG: the org's Fabric CA, TLS on, with an operations endpoint
  local org="$1" home; home="$(org_dir "$org")/ca"
  mkdir -p "$home"
  local host; host=$(setting "$org" CA_HOST)
  ensure_ports_free "ca.$org" "$host:$(setting "$org" CA_PORT)" "$host:$(setting "$org" CA_OPS_PORT)"
  FABRIC_CA_SERVER_HOME="$home" GB_IN_NETNS=$(org_netns "$org") start_process "ca.$org" \
    fabric-ca-server start -b "$CA_BOOTSTRAP" --home "$home" --ca.name "ca-$org" \
      --csr.cn "ca.$org.$GROUPBUY_DOMAIN" --csr.hosts "localhost,127.0.0.1,$host,ca.$org.$GROUPBUY_DOMAIN" \
      --tls.enabled --address "$host" --port "$(setting "$org" CA_PORT)" \
      --operations.listenaddress "$host:$(setting "$org" CA_OPS_PORT)"
}

wait_ca() { # wait_ca ORG: healthy and its root certificate written
  local org="$1"
  wait_healthy "ca.$org" "http://$(setting "$org" CA_HOST):$(setting "$org" CA_OPS_PORT)/healthz" 60
  wait_until 30 "ca.$org cert" test -s "$(org_ca_cert "$org")" || fail "ca.$org wrote no ca-cert.pem"
}

register_cast() { # register_cast ORG: registers and enrolls every identity of ORG from network/cast.txt
  local org="$1"
  ca_registrar "$org"
  local o name type role community secret dir hosts
  while read -r o name type role community; do
    [[ "$o" == "$org" ]] || continue
    secret="${name}pw"
    ca_register "$org" "$name" "$secret" "$type" "$role" "$community"
    case "$type" in
      peer|orderer)
        dir="$(org_dir "$org")/nodes/$name"
        if [[ "$type" == peer ]]; then
          hosts="$(peer_name "$org"),localhost,127.0.0.1,$(setting "$org" PEER_HOST)"
        else
          hosts="$(orderer_name "orderer0.$org"),localhost,127.0.0.1,$(setting "$org" ORDERER_HOST)"
        fi
        enroll "$org" "$name" "$secret" "$dir/msp"
        enroll "$org" "$name" "$secret" "$dir/tls" tls "$hosts" ;;
      *) enroll_user "$org" "$name" "$secret" "$type" ;;
    esac
  done < <(grep -vE '^\s*(#|$)' "$GROUPBUY_ROOT/network/cast.txt")
  # the TLS server certificate of this org's chaincode server(s)
  ca_register "$org" ccaas ccaaspw client - -
  enroll "$org" ccaas ccaaspw "$(org_dir "$org")/ccaas/tls" tls "localhost,127.0.0.1,$(setting "$org" CCAAS_HOST)"
  # the org's MSP as the channel sees it
  local msp; msp="$(org_dir "$org")/msp"
  mkdir -p "$msp/cacerts" "$msp/tlscacerts"
  cp "$(org_ca_cert "$org")" "$msp/cacerts/ca.pem"
  cp "$(org_ca_cert "$org")" "$msp/tlscacerts/ca.pem"
  write_nodeous "$msp"
  touch "$(org_dir "$org")/.enrolled"
}
