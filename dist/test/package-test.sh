#!/usr/bin/env bash
# The Debian package, tested on this machine as a clinic installs it (InstalledPackageIT): builds it twice (the
# second build is the newer version an upgrade brings), then installs, runs, upgrades and purges it. It changes the
# machine (a system user, /etc, /usr, /var/lib/physio-kiosk), so it runs as root on a CI machine: .ci/run calls it.
#   bash dist/test/package-test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$(id -u)" != 0 ]; then
  echo "dist/test/package-test.sh installs a package: run it as root (on a machine you can change)" >&2
  exit 1
fi
if dpkg -s physio-kiosk >/dev/null 2>&1; then
  echo "physio-kiosk is installed on this machine already: purge it first (apt-get purge physio-kiosk)" >&2
  exit 1
fi

out="$(mktemp -d)"
# Whatever the test's outcome, the machine is left without the package it installed.
cleanup() {
  if dpkg -s physio-kiosk >/dev/null 2>&1; then
    pkill -u physio-kiosk java || true
    apt-get purge -y -q physio-kiosk >/dev/null || true
  fi
  rm -rf "$out"
}
trap cleanup EXIT

# build TARGET [MAVEN ARGS...]: builds the package and copies it to TARGET
build() {
  local target="$1"
  shift
  rm -f dist/target/physio-kiosk_*_all.deb
  mvn -B -q -Pdist -DskipTests package "$@"
  local debs=(dist/target/physio-kiosk_*_all.deb)
  if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    echo "expected one package in dist/target, found: ${debs[*]}" >&2
    exit 1
  fi
  cp "${debs[0]}" "$target"
}

build "$out/first.deb"
# A snapshot's package version is its build time to the second: the next build is a newer version.
sleep 2
build "$out/next.deb" -pl dist
dpkg --compare-versions "$(dpkg-deb -f "$out/next.deb" Version)" gt "$(dpkg-deb -f "$out/first.deb" Version)"

mvn -B -pl kiosk-ui -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=InstalledPackageIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dkiosk.package.deb="$out/first.deb" -Dkiosk.package.next-deb="$out/next.deb"
