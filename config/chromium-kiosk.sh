#!/usr/bin/env bash
# Starts Debian's Chromium as a locked-down, full-screen kiosk on the Physio Kiosk URL.
#
#   config/chromium-kiosk.sh [URL]            default URL: http://127.0.0.1:7070/
#   config/chromium-kiosk.sh --install-policy installs the managed policy (run as root once)
#   config/chromium-kiosk.sh --dry-run [URL]  prints the command instead of running it
#
# The flags stop pinch-zoom, swipe navigation, error dialogs, first-run screens and print
# dialogs; the managed policy (chromium-kiosk-policy.json) blocks every other site, dev tools,
# incognito, downloads, the password manager and the back-forward cache for no-store pages.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
policy_dir=/etc/chromium/policies/managed

if [ "${1:-}" = "--install-policy" ]; then
  if [ ! -f "$here/chromium-kiosk-policy.json" ] && [ -f "$policy_dir/physio-kiosk.json" ]; then
    echo "The physio-kiosk package installed $policy_dir/physio-kiosk.json already"
    exit 0
  fi
  install -d -m 0755 "$policy_dir"
  install -m 0644 "$here/chromium-kiosk-policy.json" "$policy_dir/physio-kiosk.json"
  echo "Installed $policy_dir/physio-kiosk.json"
  exit 0
fi

dry_run=0
if [ "${1:-}" = "--dry-run" ]; then
  dry_run=1
  shift
fi
url="${1:-http://127.0.0.1:7070/}"
profile="${KIOSK_BROWSER_PROFILE:-$HOME/.cache/physio-kiosk-browser}"

cmd=(chromium
  --kiosk "$url"
  --user-data-dir="$profile"
  --disable-pinch
  --overscroll-history-navigation=0
  --noerrdialogs
  --no-first-run
  --disable-session-crashed-bubble
  --disable-infobars
  --disable-translate
  --disable-features=Translate,TouchpadOverscrollHistoryNavigation
  --disable-background-networking
  --disable-component-update
  --disable-sync
  --kiosk-printing
  --check-for-update-interval=31536000)

if [ $dry_run -eq 1 ]; then
  printf '%q ' "${cmd[@]}"
  echo
  exit 0
fi

# A fresh profile at every start: nothing of yesterday's patients in history or caches.
rm -rf "$profile"
exec "${cmd[@]}"
