#!/usr/bin/env bash
# Makes sure Debian's chromium exists at /usr/bin/chromium: the browser tests
# (tests/TumorBoard.EndToEnd.Tests) drive it through Playwright, which is told never to download a
# browser of its own. Installs Debian's package when it is missing. Nothing is started here.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

echo "chromium not found: installing Debian's chromium package" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
