#!/usr/bin/env bash
# Everything the operations scripts (network.sh, org.sh, channel.sh) share, in the order the
# pieces need each other. Sourced after scripts/env.sh.
_gb_lib="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=proc.sh
source "$_gb_lib/proc.sh"
# shellcheck source=hosts.sh
source "$_gb_lib/hosts.sh"
# shellcheck source=config.sh
source "$_gb_lib/config.sh"
# shellcheck source=consensus.sh
source "$_gb_lib/consensus.sh"
# shellcheck source=ca.sh
source "$_gb_lib/ca.sh"
# shellcheck source=nodes.sh
source "$_gb_lib/nodes.sh"
# shellcheck source=definition.sh
source "$_gb_lib/definition.sh"
# shellcheck source=channel.sh
source "$_gb_lib/channel.sh"
# shellcheck source=snapshot.sh
source "$_gb_lib/snapshot.sh"
# shellcheck source=org.sh
source "$_gb_lib/org.sh"
# shellcheck source=update.sh
source "$_gb_lib/update.sh"
