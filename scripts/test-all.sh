#!/usr/bin/env bash
# The README's second command: install what the tests need, then typecheck, lint, unit and
# integration tests, build, and end-to-end tests in Chromium. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
chromium=$(bash scripts/find-chromium.sh)
bash scripts/ensure-poppler.sh
if [ "$chromium" != PLAYWRIGHT ]; then export CHROMIUM_PATH="$chromium"; fi
mkdir -p test-results

echo "==> Typecheck"; npx tsc --noEmit -p tsconfig.json
echo "==> Lint"; npx eslint --max-warnings=0 .
echo "==> Unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
echo "==> Build"; npx vite build --logLevel warn
echo "==> End-to-end tests (Chromium: ${CHROMIUM_PATH:-Playwright\'s own})"
npx playwright test
node scripts/summarize-tests.mjs
