#!/usr/bin/env bash
# Breaks one chaincode rule on purpose and shows that the end-to-end tests catch it through the
# typed ledger API: a test that can never fail proves nothing.
set -euo pipefail

GB_SCRIPT=broken-rule
usage() {
  cat <<'USAGE'
Usage: scripts/broken-rule.sh [--help]

On a network that 'scripts/network.sh up' and 'scripts/deploy-chaincode.sh' started:
  1. copies this checkout's tracked files to $GROUPBUY_VAR/tmp/broken-rule/src and breaks one rule
     there: the grace period after a group buy's cutoff during which only its leader and its
     committee may Close it (GroupBuy.CLOSE_GRACE, one hour) becomes zero, so any party could
     close another leader's group buy, which then FAILS, right after the cutoff
  2. builds that chaincode and upgrades the network to it (scripts/deploy-chaincode.sh --jar)
  3. runs the end-to-end ClockTest (tagged e2e; it submits through GroupBuyLedger)
  4. upgrades the network back to this checkout's chaincode, whatever happened before
Passes (exit 0) when ClockTest failed, and failed exactly in
ClosingAtTheCutoff.aStrangerIsRefusedRightAfterTheCutoffAndTheCommunitysCommitteeCloses;
fails when the tests passed on the broken chaincode or failed elsewhere. The last line:
'broken-rule: caught' or 'broken-rule: NOT caught (...)'. Logs: $GROUPBUY_VAR/tmp/broken-rule/.
Takes about 4 minutes. Environment: GROUPBUY_VAR, GROUPBUY_PORT_OFFSET like every script.
USAGE
}
[[ "${1:-}" == -h || "${1:-}" == --help ]] && { usage; exit 0; }
(($# == 0)) || { echo "broken-rule.sh: unknown argument '$1' (try --help)" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh" ""
# shellcheck source=lib/proc.sh
source "$here/lib/proc.sh"

is_running peer0.leader || fail "the network is not running: scripts/network.sh up && scripts/deploy-chaincode.sh"
[[ -s "$GROUPBUY_VAR/chaincode/groupbuy/deployed.env" ]] || fail "the chaincode is not deployed: scripts/deploy-chaincode.sh"
git -C "$GROUPBUY_ROOT" rev-parse --git-dir >/dev/null 2>&1 || fail "$GROUPBUY_ROOT is not a git checkout: the copy takes its tracked files"

WORK="$GROUPBUY_VAR/tmp/broken-rule"
SRC="$WORK/src"
RULE_FILE=chaincode/src/main/java/org/groupbuy/chaincode/domain/GroupBuy.java
RULE='static final Duration CLOSE_GRACE = Duration.ofHours(1);'
BROKEN='static final Duration CLOSE_GRACE = Duration.ZERO;'
CAUGHT_BY='ClosingAtTheCutoff.aStrangerIsRefusedRightAfterTheCutoffAndTheCommunitysCommitteeCloses'
rm -rf "$WORK" && mkdir -p "$SRC"

say "copying the tracked files to $SRC and breaking the rule in $RULE_FILE"
(cd "$GROUPBUY_ROOT" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$SRC"
[[ $(grep -cF "$RULE" "$SRC/$RULE_FILE") == 1 ]] \
  || fail "'$RULE' is not in $RULE_FILE once: the rule moved; update this script"
sed -i "s/$RULE/$BROKEN/" "$SRC/$RULE_FILE"
grep -qF "$BROKEN" "$SRC/$RULE_FILE" || fail "could not break the rule in $SRC/$RULE_FILE"

say "building the broken chaincode (log $WORK/build.log)"
(cd "$SRC" && mvn -B -q -pl chaincode -am package -DskipTests -Djacoco.skip=true) >"$WORK/build.log" 2>&1 \
  || { tail -n 20 "$WORK/build.log" >&2; fail "the broken chaincode did not build (log $WORK/build.log)"; }
broken_jar="$SRC/chaincode/target/groupbuy-chaincode.jar"

restore() {
  say "upgrading the network back to this checkout's chaincode (log $WORK/restore.log)"
  "$here/deploy-chaincode.sh" >"$WORK/restore.log" 2>&1 \
    || { tail -n 20 "$WORK/restore.log" >&2; fail "could not restore the chaincode: run scripts/deploy-chaincode.sh"; }
}
trap 'restore' EXIT

say "upgrading the network to the broken chaincode (log $WORK/deploy.log)"
"$here/deploy-chaincode.sh" --jar "$broken_jar" >"$WORK/deploy.log" 2>&1 \
  || { tail -n 20 "$WORK/deploy.log" >&2; fail "could not deploy the broken chaincode (log $WORK/deploy.log)"; }

say "end-to-end ClockTest against the broken chaincode (log $WORK/e2e.log)"
e2e_rc=0
(cd "$GROUPBUY_ROOT" && mvn -B -pl e2e -am verify -Dgroups=e2e -DexcludedGroups= -Dtest=ClockTest \
   -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false) >"$WORK/e2e.log" 2>&1 || e2e_rc=$?
sed -n 's/^.*\(clock: supplier1 closes\)/\1/p' "$WORK/e2e.log" | while IFS= read -r line; do say "$line"; done
failures=$(sed -n 's/^\[ERROR\] Tests run: [0-9]*, Failures: \([0-9]*\), Errors: \([0-9]*\).*$/\1 \2/p' "$WORK/e2e.log" | tail -n1)
caught=$(grep -F "$CAUGHT_BY" "$WORK/e2e.log" | grep -m1 -F '[ERROR]' || true)

if ((e2e_rc != 0)) && [[ "$failures" == "1 0" && -n "$caught" ]]; then
  say "the failing assertion: $(awk -v t="$CAUGHT_BY" 'index($0, t) && /FAILURE/ {n = 6; next}
      n-- > 0 && NF {sub(/^[ \t]+/, ""); printf "%s ", $0}' "$WORK/e2e.log" | cut -c1-400)"
  echo "broken-rule: caught (CLOSE_GRACE = 0; ClockTest failed in $CAUGHT_BY, exit code $e2e_rc)"
  exit 0
fi
if ((e2e_rc == 0)); then
  echo "broken-rule: NOT caught (CLOSE_GRACE = 0 and ClockTest passed; log $WORK/e2e.log)"
else
  echo "broken-rule: NOT caught as expected (ClockTest exit $e2e_rc, failures/errors '${failures:-none}', $CAUGHT_BY ${caught:+failed}${caught:-did not fail}; log $WORK/e2e.log)"
fi
exit 1
