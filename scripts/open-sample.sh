#!/usr/bin/env bash
# Opens the Groundwork extension on the sample corpus (seeds/) with the example draft
# (examples/draft.md). Sets up first (scripts/setup.sh: packages, build, VS Code host).
#   - desktop VS Code when `code` is on the PATH (extension loaded as a development extension);
#   - otherwise the bundled browser-based VS Code (code-server) on 127.0.0.1:$PORT (default
#     8080): prints the URL to open and stays in the foreground until Ctrl-C.
# Env: PORT; GROUNDWORK_OPEN_WITH=browser to use code-server even when `code` exists.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DRAFT="$ROOT/examples/draft.md"
say() { printf 'open-sample: %s\n' "$*" >&2; }

if command -v code >/dev/null 2>&1 && [ "${GROUNDWORK_OPEN_WITH:-}" != browser ]; then
  # Desktop VS Code needs neither the browser host nor its system packages.
  GROUNDWORK_SKIP_HOST=1 GROUNDWORK_SKIP_APT=1 bash "$ROOT/scripts/setup.sh"
  say "opening VS Code with the extension from $ROOT"
  exec code --extensionDevelopmentPath="$ROOT" "$ROOT" "$DRAFT"
fi

bash "$ROOT/scripts/setup.sh"

PORT="${PORT:-8080}"
HOST_DIR="${GROUNDWORK_HOST_DIR:-$ROOT/.vscode-test/host}"
STATE="$ROOT/.vscode-test/sample"   # git-ignored; keeps the sample window's state between runs
mkdir -p "$STATE/user-data/User" "$STATE/extensions"
if [ ! -f "$STATE/user-data/User/settings.json" ]; then
  cat > "$STATE/user-data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true
}
JSON
fi

if ! node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close())' "$PORT"; then
  say "port $PORT on 127.0.0.1 is in use; choose another: PORT=8081 bash scripts/open-sample.sh"
  exit 1
fi

LOG="$STATE/code-server.log"
: >"$LOG"
# Own process group (setsid), so stopping takes code-server's extension hosts with it.
setsid "$HOST_DIR/node_modules/.bin/code-server" \
  --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions" \
  "$ROOT" >>"$LOG" 2>&1 &
SERVER=$!

stop() {
  trap - INT TERM HUP EXIT
  if kill -0 "$SERVER" 2>/dev/null; then
    kill -TERM -- "-$SERVER" 2>/dev/null || kill -TERM "$SERVER" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$SERVER" 2>/dev/null || true
  fi
}
trap 'stop; exit 130' INT TERM HUP
trap stop EXIT

# Wait until the server answers (or dies), polling its health endpoint.
up=0
for _ in $(seq 600); do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    say "code-server exited:"; tail -n 30 "$LOG" >&2; exit 1
  fi
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
    up=1; break
  fi
  sleep 0.1
done
[ "$up" = 1 ] || { say "code-server did not answer on 127.0.0.1:$PORT:"; tail -n 30 "$LOG" >&2; exit 1; }

URL="$(node -e '
  const [port, root, draft] = process.argv.slice(1);
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [["extensionDevelopmentPath", remote(root)], ["openFile", remote(draft)]];
  console.log(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(root)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
' "$PORT" "$ROOT" "$DRAFT")"

cat <<EOF

  Groundwork is running in VS Code (code-server $(cat "$HOST_DIR/.provisioned" 2>/dev/null | sed -E 's/^code-server@([^ ]+).*/\1/')) on the sample corpus.
  Open this URL in a browser on this machine (for a remote machine: ssh -L $PORT:127.0.0.1:$PORT ...):

  $URL

  Press Ctrl-C to stop.  (server log: ${LOG#$ROOT/})

EOF
wait "$SERVER" || true
