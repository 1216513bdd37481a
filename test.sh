#!/usr/bin/env bash
# Runs every test. Tests use a real PostgreSQL: TUMORBOARD_TEST_CONNECTION when set, else a
# throwaway local cluster started from the machine's PostgreSQL binaries (installed if missing).
# The browser tests drive Debian's chromium (installed if missing); Playwright never downloads one.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/ensure-postgres.sh
./scripts/ensure-chromium.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
dotnet test TumorBoard.sln --configuration Release "$@"
