#!/usr/bin/env bash
# Runs the service (Development environment: Swagger UI at http://localhost:5080/swagger).
# Without ConnectionStrings__TumorBoard it provisions a local PostgreSQL from the machine's binaries.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/ensure-postgres.sh
exec dotnet run --project src/TumorBoard.Api "$@"
