#!/usr/bin/env bash
# Runs every test. Tests use a real PostgreSQL: TUMORBOARD_TEST_CONNECTION when set, else a
# throwaway local cluster started from the machine's PostgreSQL binaries (installed if missing).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/ensure-postgres.sh
dotnet test TumorBoard.sln --configuration Release "$@"
