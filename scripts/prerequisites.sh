#!/usr/bin/env bash
# Checks the tools the scripts need and installs the missing ones from Debian's packages when
# running as root (as on CI); otherwise says what to install.
set -euo pipefail
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  echo "Usage: scripts/prerequisites.sh   checks java, mvn, go, curl, jq, openssl, envsubst, perl, setsid, column, chromium, chromedriver (the console's browser test), pdftoppm, zbarimg (the pickup-slip tests render and scan PDFs); installs missing ones with apt-get when root"
  exit 0
fi
declare -A package=([java]=openjdk-17-jdk-headless [mvn]=maven [go]=golang-go [curl]=curl [jq]=jq
  [openssl]=openssl [envsubst]=gettext-base [perl]=perl [setsid]=util-linux [column]=bsdextrautils
  [chromium]=chromium [chromedriver]=chromium-driver [pdftoppm]=poppler-utils [zbarimg]=zbar-tools)
missing=()
for tool in java mvn go curl jq openssl envsubst perl setsid column chromium chromedriver pdftoppm zbarimg; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
((${#missing[@]} == 0)) && exit 0
pkgs=(); for t in "${missing[@]}"; do pkgs+=("${package[$t]}"); done
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "prerequisites: installing ${pkgs[*]} (missing: ${missing[*]})"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
else
  echo "prerequisites: missing ${missing[*]}; install: apt-get install ${pkgs[*]}" >&2
  exit 1
fi
