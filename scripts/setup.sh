#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine (Node 20, root, apt + npm registry only).
#   1. apt packages: chromium ripgrep libkrb5-dev fonts-dejavu-core postgresql (installed only when missing)
#   2. npm ci (when node_modules is missing or older than package-lock.json; falls back to npm install)
#   3. npm run build
#   4. the offline VS Code test host (scripts/provision-vscode-host.sh; a no-op when provisioned)
# Quiet on success; on failure prints the failing step and its output, and exits non-zero.
# Options (env): GROUNDWORK_SKIP_APT=1 skips step 1, GROUNDWORK_SKIP_BUILD=1 step 3, GROUNDWORK_SKIP_HOST=1 step 4.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOG="$(mktemp -t groundwork-setup.XXXXXX.log)"
trap 'rm -f "$LOG"' EXIT

say() { printf 'setup: %s\n' "$*" >&2; }
fail() {
  say "FAILED: $1"
  if [ -s "$LOG" ]; then
    say "---- output (last 60 lines) ----"
    tail -n 60 "$LOG" >&2
  fi
  exit 1
}
# run "description" cmd...: run quietly, show the log on failure.
run() {
  local what="$1"; shift
  : >"$LOG"
  if ! "$@" >>"$LOG" 2>&1; then fail "$what"; fi
}

# ---- 1. system packages ----------------------------------------------------
APT_PKGS=(chromium ripgrep libkrb5-dev fonts-dejavu-core postgresql)  # fonts: readable screenshots; postgresql: the team-corpus tests (scripts/pg-dev.sh)
missing=()
[ "${GROUNDWORK_SKIP_APT:-0}" = 1 ] && APT_PKGS=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    fail "missing system packages (${missing[*]}); run as root or install them: apt-get install -y ${missing[*]}"
  fi
  SUDO=()
  [ "$(id -u)" -ne 0 ] && SUDO=(sudo -n)
  say "installing system packages: ${missing[*]} (one-time)"
  export DEBIAN_FRONTEND=noninteractive
  run "apt-get update" "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 update
  run "apt-get install ${missing[*]}" "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}"
fi

# ---- 2. npm dependencies -----------------------------------------------------
need_npm=0
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ]; then
  need_npm=1
elif [ -f package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; then
  need_npm=1
fi
if [ "$need_npm" -eq 1 ]; then
  say "installing npm dependencies"
  : >"$LOG"
  if ! npm ci --no-audit --no-fund >>"$LOG" 2>&1; then
    say "npm ci failed; falling back to npm install"
    run "npm install" npm install --no-audit --no-fund
  fi
  # npm only rewrites the hidden lockfile when something changed; touch it so the
  # staleness check above sees this install as current.
  [ -f node_modules/.package-lock.json ] && touch node_modules/.package-lock.json
fi

# ---- 3. build ---------------------------------------------------------------------
if [ "${GROUNDWORK_SKIP_BUILD:-0}" != 1 ]; then
  run "npm run build" npm run -s build
fi

# ---- 4. the offline VS Code host (code-server + playwright-core) -------------------
if [ "${GROUNDWORK_SKIP_HOST:-0}" != 1 ]; then
  bash "$ROOT/scripts/provision-vscode-host.sh"
fi
