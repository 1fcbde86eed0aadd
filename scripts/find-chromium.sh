#!/usr/bin/env bash
# Prints the Chromium that end-to-end tests should use, installing Debian's package when needed.
# Order: $CHROMIUM_PATH, /usr/bin/chromium, Playwright's own downloaded browser, then apt-get (root).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
  echo "$CHROMIUM_PATH"; exit 0
fi
if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; exit 0; fi
own=$(ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-*/chrome-linux*/chrome 2>/dev/null | tail -n 1 || true)
if [ -n "$own" ] && [ -x "$own" ]; then echo "PLAYWRIGHT"; exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> Installing Debian's chromium for the end-to-end tests (about a minute)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2
  [ -x /usr/bin/chromium ] && { echo /usr/bin/chromium; exit 0; }
fi
cat >&2 <<'MSG'
No Chromium found for the end-to-end tests. Either:
  - install Debian's package as root:   apt-get install -y chromium
  - or point to a browser:              CHROMIUM_PATH=/path/to/chrome npm run test:all
  - or install Playwright's own:        npx playwright install chromium
MSG
exit 1
