#!/usr/bin/env bash
# Runs every test. Tests use a real PostgreSQL: TUMORBOARD_TEST_CONNECTION when set, else a
# throwaway local cluster started from the machine's PostgreSQL binaries (installed if missing).
# The manifest tests render deploy/k8s with kubectl, the browser tests drive Debian's chromium (both
# installed if missing); Playwright never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/ensure-postgres.sh
./scripts/ensure-kubectl.sh
./scripts/ensure-chromium.sh
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
dotnet test TumorBoard.sln --configuration Release "$@"
