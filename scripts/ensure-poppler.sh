#!/usr/bin/env bash
# The export e2e test reads the handout PDF with poppler's pdftotext/pdfinfo (and docs screenshots
# use pdftoppm). Installs Debian's poppler-utils when they are missing and we are root; otherwise
# says how, and the PDF test reports the missing tool.
set -euo pipefail
if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "==> Installing poppler-utils for the export tests (pdftotext)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils) >&2 && exit 0
fi
echo "poppler-utils (pdftotext) not found: install it (apt-get install -y poppler-utils) for the PDF export test" >&2
