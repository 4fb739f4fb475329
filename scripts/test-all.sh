#!/usr/bin/env bash
# Runs every test of Groundwork on a fresh machine of this kind (Debian 12, Node 20):
# set-up (system packages, npm packages, build, the offline VS Code host), type check,
# the engine's unit tests (mocha, in Node), the CLI tests, the shipped packages (the CLI's
# npm package installed into an empty project; the .vsix checked file by file), and the
# extension's suite inside a real VS Code (code-server + Debian's Chromium), whose last
# window runs against the .vsix installed into a clean code-server.
# Ends with one line "N passed, N failed" over all suites; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p out

bash scripts/setup.sh || { echo "set-up failed"; exit 1; }

status=0
echo "== type check"
npm run -s typecheck || status=1

echo "== unit and CLI tests (mocha)"
npx mocha --reporter spec 2>&1 | tee out/unit.log
unit_rc=${PIPESTATUS[0]}
[ "$unit_rc" -eq 0 ] || status=1
unit_passed=$(grep -Eo '^ +[0-9]+ passing' out/unit.log | grep -Eo '[0-9]+' | tail -1)
unit_failed=$(grep -Eo '^ +[0-9]+ failing' out/unit.log | grep -Eo '[0-9]+' | tail -1)

echo "== extension tests in a real VS Code (code-server)"
npm run -s test:integration 2>&1 | tee out/integration.log
int_rc=${PIPESTATUS[0]}
[ "$int_rc" -eq 0 ] || status=1
int_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' out/integration.log | tail -1)
int_passed=$(echo "$int_line" | sed -E 's/^([0-9]+) passed.*/\1/')
int_failed=$(echo "$int_line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')

passed=$(( ${unit_passed:-0} + ${int_passed:-0} ))
failed=$(( ${unit_failed:-0} + ${int_failed:-0} ))
# A suite that crashed before reporting counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "unit: ${unit_passed:-0} passed, ${unit_failed:-0} failed; VS Code: ${int_passed:-0} passed, ${int_failed:-0} failed"
echo "$passed passed, $failed failed"
exit $status
