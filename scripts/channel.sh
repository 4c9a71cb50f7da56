#!/usr/bin/env bash
# Channel-level steps, taking the orgs' public definitions (scripts/org.sh ORG export) only.
set -euo pipefail

GB_SCRIPT=channel
usage() {
  cat <<'USAGE'
Usage: scripts/channel.sh COMMAND [options]

Commands:
  create [FILE...]  the channel's genesis block from one public definition per org (default:
                    every $GROUPBUY_VAR/exchange/*.json), written to
                    $GROUPBUY_VAR/channel/CHANNEL.block; each org then joins with
                    scripts/org.sh ORG join BLOCK. Nothing is read from the orgs' own folders.
  help              this text
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
      shopt -s nullglob; files=("$(exchange_dir)"/*.json); shopt -u nullglob
      ((${#files[@]})) || fail "no definitions in $(exchange_dir): each org writes its own with scripts/org.sh ORG export"
    fi
    need_tools
    channel_create "${files[@]}"
    say "genesis block of '$GROUPBUY_CHANNEL': $CHANNEL_BLOCK (each org: scripts/org.sh ORG join $CHANNEL_BLOCK)" ;;
  *) usage >&2; fail "unknown command '$cmd'" ;;
esac
