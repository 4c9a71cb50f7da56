#!/usr/bin/env bash
# Channel-level steps, taking the orgs' public definitions (scripts/org.sh ORG export) only.
set -euo pipefail

GB_SCRIPT=channel
usage() {
  cat <<'USAGE'
Usage: scripts/channel.sh COMMAND [options]

Commands:
  create [FILE...]  the channel's genesis block from one public definition per org (default:
                    $GROUPBUY_VAR/exchange/ORG.json of the five founding orgs), written to
                    $GROUPBUY_VAR/channel/CHANNEL.block; each org then joins with
                    scripts/org.sh ORG join BLOCK. Nothing is read from the orgs' own folders.
  add-org FILE [--as ORG]
                    the config update admitting the org of FILE (its public definition, written by
                    scripts/org.sh ORG export and sent to the channel's orgs): its MSP (root and TLS
                    root certificates), policies and anchor peer; peer only, no consenter (the
                    ordering service stays the five founding orgs' nodes). ORG's admin (default
                    leader) fetches the current config. Writes the UNSIGNED update to
                    $GROUPBUY_VAR/updates/add-ORG/update.pb and prints its path.
  remove-org ORG [--as ORG2]
                    the same for removing ORG (not an org running a consenter):
                    $GROUPBUY_VAR/updates/remove-ORG/update.pb
  sign-update UPDATE ORG [--out FILE]
                    ORG's admin signs UPDATE on ORG's own host, with ORG's folder only, into a
                    signature file of its own (default: ORG.signature.json beside UPDATE), which
                    it sends back; UPDATE itself is not changed
  submit-update UPDATE SIG_FILE...
                    counts the signatures of distinct admins of orgs of the channel and, when they
                    meet the channel's Admins policy (MAJORITY Admins: 3 of 5, 4 of 6), submits
                    UPDATE with them as the first signer's admin and waits for the config block;
                    with fewer it refuses ([NOT_ENOUGH_SIGNATURES], naming how many it has and
                    needs) and submits nothing
  help              this text

Example (the sixth org, FreshFarm):
  scripts/org.sh freshfarm init && scripts/org.sh freshfarm export    # on FreshFarm's host
  u=$(scripts/channel.sh add-org var/exchange/freshfarm.json)
  scripts/channel.sh sign-update "$u" leader      # on each admin's host, files sent back
  scripts/channel.sh sign-update "$u" supplier
  scripts/channel.sh sign-update "$u" committee
  scripts/channel.sh submit-update "$u" "${u%/*}"/*.signature.json
  scripts/org.sh freshfarm up && scripts/org.sh freshfarm join
USAGE
}

case "${1:-help}" in help|-h|--help) usage; exit 0 ;; esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""  # "" so that env.sh does not see this script's arguments
# shellcheck source=lib/operations.sh
source "$here/lib/operations.sh"

cmd="$1"; shift
[[ "${1:-}" == --help ]] && { usage; exit 0; }
on_client_host "$here/channel.sh" "$cmd" "$@"
case "$cmd" in
  create)
    files=("$@")
    if ((${#files[@]} == 0)); then
      # the founding orgs' definitions (an org joining later is admitted with add-org)
      for org in "${GROUPBUY_PEER_ORGS[@]}"; do [[ -e "$(exchange_dir)/$org.json" ]] && files+=("$(exchange_dir)/$org.json"); done
      ((${#files[@]})) || fail "no definitions in $(exchange_dir): each org writes its own with scripts/org.sh ORG export"
    fi
    need_tools
    channel_create "${files[@]}"
    say "genesis block of '$GROUPBUY_CHANNEL': $CHANNEL_BLOCK (each org: scripts/org.sh ORG join $CHANNEL_BLOCK)" ;;
  add-org)
    [[ $# -ge 1 ]] || fail "add-org needs the org's definition file (scripts/org.sh ORG export writes it)"
    file="$1"; shift; as=leader
    [[ "${1:-}" == --as ]] && { as="${2:?--as needs an org}"; org_known "$as"; }
    need_tools; update_add_org "$file" "$as" ;;
  remove-org)
    [[ $# -ge 1 ]] || fail "remove-org needs the org to remove (e.g. freshfarm)"
    org="$1"; org_known "$org"; shift; as=leader
    [[ "${1:-}" == --as ]] && { as="${2:?--as needs an org}"; org_known "$as"; }
    [[ "$as" != "$org" ]] || fail "the org being removed cannot write its own removal: give --as another org"
    need_tools; update_remove_org "$org" "$as" ;;
  sign-update)
    [[ $# -ge 2 ]] || fail "sign-update needs the update file and the signing org: sign-update UPDATE ORG"
    org_known "$2"; out=""
    [[ "${3:-}" == --out ]] && out="${4:?--out needs a file}"
    update_sign "$1" "$2" "$out" ;;
  submit-update)
    [[ $# -ge 1 ]] || fail "submit-update needs the update file and the signature files"
    update_submit "$@" ;;
  *) usage >&2; fail "unknown command '$cmd'" ;;
esac
