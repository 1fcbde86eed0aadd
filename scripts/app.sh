#!/usr/bin/env bash
# The README's first command: install, build and serve Sketchroom on one port.
#   PORT (8080), HOST (all interfaces), DATA_DIR (./data) are read from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "==> Building the app"
npx vite build --logLevel warn
echo "==> Starting the server"
exec node --min-semi-space-size=16 --import tsx server/index.ts
