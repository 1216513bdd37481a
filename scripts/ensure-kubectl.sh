#!/usr/bin/env bash
# Makes sure `kubectl` exists: the manifest tests render deploy/k8s with `kubectl kustomize` (no cluster
# needed). Installs it when missing: the `kubectl` package where the machine's apt sources have it, else
# Debian's `kubernetes-client` (kubectl 1.20, kustomize v2.0.3: deploy/k8s is written to render with it
# and with today's kustomize v5 alike). Nothing is started here.
set -euo pipefail

if command -v kubectl >/dev/null 2>&1; then
  exit 0
fi

echo "kubectl not found: installing Debian's kubectl package" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq kubectl >/dev/null 2>&1 || $SUDO apt-get install -y -qq kubernetes-client >/dev/null
