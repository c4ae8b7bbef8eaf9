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
trap 'rm -rf "$out"' EXIT

rm -f dist/target/physio-kiosk_*_all.deb
mvn -B -q -Pdist -DskipTests package
cp dist/target/physio-kiosk_*_all.deb "$out/first.deb"
# A snapshot's package version is its build time to the second: the next build is a newer version.
sleep 2
rm -f dist/target/physio-kiosk_*_all.deb
mvn -B -q -Pdist -DskipTests package -pl dist
cp dist/target/physio-kiosk_*_all.deb "$out/next.deb"
dpkg --compare-versions "$(dpkg-deb -f "$out/next.deb" Version)" gt "$(dpkg-deb -f "$out/first.deb" Version)"

mvn -B -pl kiosk-ui -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=InstalledPackageIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dkiosk.package.deb="$out/first.deb" -Dkiosk.package.next-deb="$out/next.deb"
