#!/usr/bin/env bash
# Provisions the offline VS Code test host into .vscode-test/host/ (git-ignored):
#   code-server 4.100.3 (VS Code 1.100.3, the newest release for Node 20) + playwright-core,
# following shared/docs/real-vscode-tests.md: install with scripts off, rebuild the native
# modules, copy Debian's rg in place of @vscode/ripgrep's download, link node_modules.asar.
# Not a dependency of the extension. A stamp file makes a second run a no-op.
# Needs: node 20, npm, the Debian packages ripgrep and libkrb5-dev (scripts/setup.sh installs them).
# Env: GROUNDWORK_HOST_DIR overrides the folder; GROUNDWORK_FORCE_PROVISION=1 redoes it.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
STAMP_VALUE="code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_VERSION} node@$(node -p 'process.versions.modules')"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOST="${GROUNDWORK_HOST_DIR:-$ROOT/.vscode-test/host}"
STAMP="$HOST/.provisioned"

if [ "${GROUNDWORK_FORCE_PROVISION:-0}" != 1 ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_VALUE" ] \
   && [ -x "$HOST/node_modules/.bin/code-server" ]; then
  exit 0
fi

say() { printf 'provision: %s\n' "$*" >&2; }
LOG="$(mktemp -t groundwork-provision.XXXXXX.log)"
trap 'rm -f "$LOG"' EXIT
fail() {
  say "FAILED: $1"
  if [ -s "$LOG" ]; then say "---- output (last 60 lines) ----"; tail -n 60 "$LOG" >&2; fi
  say "full retry: GROUNDWORK_FORCE_PROVISION=1 bash scripts/provision-vscode-host.sh"
  exit 1
}
run() { local what="$1"; shift; : >"$LOG"; "$@" >>"$LOG" 2>&1 || fail "$what"; }
# Registry downloads: one retry after a transient network error.
run_retry() {
  local what="$1"; shift
  : >"$LOG"
  "$@" >>"$LOG" 2>&1 && return 0
  say "$what failed; retrying once"
  : >"$LOG"
  "$@" >>"$LOG" 2>&1 || fail "$what"
}

command -v rg >/dev/null 2>&1 || fail "ripgrep is not installed (apt-get install -y ripgrep, or run scripts/setup.sh)"
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] \
  || fail "libkrb5-dev is not installed (apt-get install -y libkrb5-dev, or run scripts/setup.sh)"

start=$(date +%s)
say "installing code-server ${CODE_SERVER_VERSION} + playwright-core ${PLAYWRIGHT_VERSION} into ${HOST#$ROOT/} (one-time, about a minute)"
rm -f "$STAMP"
mkdir -p "$HOST"
cd "$HOST"
[ -f package.json ] || printf '{\n  "private": true,\n  "description": "Offline VS Code test host for Groundwork (scripts/provision-vscode-host.sh); not part of the extension."\n}\n' > package.json

# 1. code-server and playwright-core, scripts off (code-server's postinstall downloads rg and fails here).
run_retry "npm install code-server playwright-core" \
  npm install --no-save --no-audit --no-fund --no-package-lock --ignore-scripts \
  "code-server@${CODE_SERVER_VERSION}" "playwright-core@${PLAYWRIGHT_VERSION}"
# 2. code-server's own native module.
run "npm rebuild argon2" npm rebuild --no-audit --no-fund argon2

# 3. VS Code's own production dependencies.
VSC="$HOST/node_modules/code-server/lib/vscode"
[ -d "$VSC" ] || fail "code-server package has no lib/vscode"
cd "$VSC"
run_retry "npm install (lib/vscode)" npm install --omit=dev --ignore-scripts --no-audit --no-fund
# 4. ripgrep from Debian instead of a download.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# 5. native modules of VS Code. node-pty's own post-install step errors after building
#    (pty.node is built), so judge by the built files rather than npm's exit code.
: >"$LOG"
npm rebuild --no-audit --no-fund @vscode/spdlog node-pty native-watchdog kerberos >>"$LOG" 2>&1 || true
for f in node_modules/@vscode/spdlog/build/Release/spdlog.node \
         node_modules/node-pty/build/Release/pty.node \
         node_modules/native-watchdog/build/Release/watchdog.node \
         node_modules/kerberos/build/Release/kerberos.node; do
  [ -f "$f" ] || fail "native module not built: lib/vscode/$f"
done
# 6. VS Code loads some modules from node_modules.asar.
ln -sfn node_modules node_modules.asar

cd "$HOST"
[ -x node_modules/.bin/code-server ] || fail "node_modules/.bin/code-server missing"
run "code-server --version" node_modules/.bin/code-server --version
printf '%s\n' "$STAMP_VALUE" > "$STAMP"
say "done in $(( $(date +%s) - start ))s"
