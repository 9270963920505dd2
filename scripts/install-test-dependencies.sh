#!/usr/bin/env bash
# What the tests need beyond the SDK, from Debian: Chromium (browser tests through Playwright, never a downloaded browser),
# fonts for it, and the PostgreSQL server (started by the tests themselves on 127.0.0.1). Installs only what is missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then missing+=(postgresql); fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installerer testavhengigheter: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Trenger root eller sudo for å installere ${missing[*]}." >&2; exit 1; }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
