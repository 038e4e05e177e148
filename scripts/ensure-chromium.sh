#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium (CHROMIUM_PATH, /usr/bin/chromium, or Debian's
# package) and a Chinese font (else every screenshot shows boxes). Installs Debian's packages with
# apt-get as root or through sudo; fails with a clear message where it cannot.
set -euo pipefail

need=()
if ! { [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; } && [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then need+=(fonts-wqy-microhei); fi
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing for the browser tests: ${need[*]}"
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ERROR: browser tests need: ${need[*]}. Install them (apt-get install -y ${need[*]}) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ERROR: no apt-get here. Install Chromium and a Chinese font yourself; set CHROMIUM_PATH=/path/to/chromium." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
if ! $SUDO apt-get install -y -qq "${need[@]}" >/dev/null; then
  echo "ERROR: could not install Debian's ${need[*]} (apt-get install failed). Set CHROMIUM_PATH instead." >&2
  exit 1
fi
if [ -x /usr/bin/chromium ]; then /usr/bin/chromium --version 2>/dev/null || true; fi
