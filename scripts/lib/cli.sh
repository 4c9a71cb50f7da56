#!/usr/bin/env bash
# Driving the groupbuy CLI from scripts: one line per step, the whole output logged, and
# a stop with the CLI's own error line when a step does not do what it should.
# Sourced after scripts/env.sh and scripts/lib/proc.sh. Set GB_STEP_LOG to the log file.

GB_CLI="$GROUPBUY_ROOT/groupbuy"
GB_STEP_LOG="${GB_STEP_LOG:-$GROUPBUY_VAR/logs/steps.log}"
GB_LAST_OUT=""
GB_OUT="" GB_RC=0
GB_STEPS_OK=0

# cli_call ORG USER NOTE ARGS...: runs 'groupbuy ARGS... --org ORG --user USER' and logs the
# command (with NOTE) and its whole output; leaves them in GB_OUT and GB_RC
cli_call() {
  local org="$1" user="$2" note="$3"; shift 3
  GB_RC=0
  GB_OUT=$("$GB_CLI" "$@" --org "$org" --user "$user" 2>&1) || GB_RC=$?
  printf '\n$ groupbuy %s --org %s --user %s%s\n%s\n' "$*" "$org" "$user" "$note" "$GB_OUT" >>"$GB_STEP_LOG"
}

# step_failed WHAT: the end of the CLI's output, then stop
step_failed() {
  printf '%s\n' "$GB_OUT" | tail -n 5 >&2
  fail "$1"
}

# as ORG USER WHAT ARGS...: the call must succeed; its JSON/text answer is left in GB_LAST_OUT
as() {
  local org="$1" user="$2" what="$3"; shift 3
  cli_call "$org" "$user" "" "$@"
  if ((GB_RC != 0)); then
    say "FAILED: $what ($user@$org)"
    step_failed "step failed: $what; full output in $GB_STEP_LOG"
  fi
  GB_LAST_OUT="$GB_OUT"
  GB_STEPS_OK=$((GB_STEPS_OK + 1))
  say "ok  $what ($user@$org)"
}

# refused CODE ORG USER WHAT ARGS...: the call must fail with [CODE]
refused() {
  local code="$1" org="$2" user="$3" what="$4"; shift 4
  cli_call "$org" "$user" "   (expect [$code])" "$@"
  if ((GB_RC == 0)) || [[ "$GB_OUT" != *"[$code]"* ]]; then
    say "SURPRISE: $what ($user@$org) should be refused with [$code]; exit $GB_RC"
    step_failed "refusal check failed: $what"
  fi
  GB_STEPS_OK=$((GB_STEPS_OK + 1))
  say "ok  refused [$code]: $what ($user@$org)"
}

# tolerant CODE ORG USER WHAT ARGS...: succeeds, or fails with [CODE] because it was done before
tolerant() {
  local code="$1" org="$2" user="$3" what="$4"; shift 4
  cli_call "$org" "$user" "" "$@"
  if ((GB_RC != 0)) && [[ "$GB_OUT" != *"[$code]"* ]]; then
    step_failed "step failed: $what; full output in $GB_STEP_LOG"
  fi
  GB_STEPS_OK=$((GB_STEPS_OK + 1))
  if ((GB_RC == 0)); then say "ok  $what ($user@$org)"; else say "ok  $what (already done)"; fi
}

# expect_eq WHAT ACTUAL EXPECTED
expect_eq() {
  if [[ "$2" != "$3" ]]; then fail "$1: expected '$3', got '$2'"; fi
  GB_STEPS_OK=$((GB_STEPS_OK + 1))
  say "ok  $1 = $3"
}

# Codes files of 'leader import --codes-out': household,code,status lines (pending, then issued);
# the last line of a household counts.
pickup_code() { awk -F, -v h="$2" '$1 == h {c = $2} END {print c}' "$1"; }   # pickup_code FILE HOUSEHOLD
households_in() { cut -d, -f1 "$1" | grep -v '^household$' | sort -u | grep -c . || true; }  # households_in FILE

iso_in() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }   # iso_in '+1 day'
h64() { printf '%s' "$1" | sha256sum | cut -c1-64; } # a stand-in hash of a document's text
