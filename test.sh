#!/usr/bin/env bash
# Runs every test. Tests use a real PostgreSQL: TUMORBOARD_TEST_CONNECTION when set, else a
# throwaway local cluster started from the machine's PostgreSQL binaries (installed if missing).
# The manifest tests render deploy/k8s with kubectl (installed if missing).
set -euo pipefail
cd "$(dirname "$0")"
./scripts/ensure-postgres.sh
./scripts/ensure-kubectl.sh
dotnet test TumorBoard.sln --configuration Release "$@"
