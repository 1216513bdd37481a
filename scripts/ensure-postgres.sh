#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries (initdb, pg_ctl) exist: the service and the tests start their
# own local cluster from them when no connection string is configured. Installs Debian's package when
# they are missing. Nothing is started here.
set -euo pipefail

if command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi

echo "PostgreSQL binaries not found: installing Debian's postgresql package" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql >/dev/null
# Debian's package starts a system cluster we do not use; stop it so it does not hold resources.
$SUDO service postgresql stop >/dev/null 2>&1 || true
