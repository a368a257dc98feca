#!/usr/bin/env bash
# Runs a command (by default the README's test command, ./mvnw -B -ntp verify) from the checkout as an
# unprivileged user. PostgreSQL's initdb and postgres refuse to run as root, and the postgres-backend tests start
# a real PostgreSQL, so a root shell (CI, containers) hands the build to a build user:
#   - creates the user BUILD_USER (default iomodels-build) if it does not exist,
#   - gives it a Maven repository of its own, seeded once by a copy of /root/.m2 (repository and wrapper dist), so
#     that nothing is downloaded again and root's repository is never written by the build user,
#   - gives it the checkout for the run and gives the checkout back to its owner afterwards,
#   - runs the command with the caller's JAVA_HOME and PATH.
# A normal user's command runs directly.
#   scripts/as-build-user.sh                          # ./mvnw -B -ntp verify
#   scripts/as-build-user.sh ./mvnw -pl postgres-storage -am verify
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ "$#" -eq 0 ]; then
	set -- ./mvnw -B -ntp verify
fi
if [ "$(id -u)" -ne 0 ]; then
	exec "$@"
fi

user=${BUILD_USER:-iomodels-build}
if ! id -u "$user" >/dev/null 2>&1; then
	useradd --create-home --user-group --shell /bin/bash "$user"
fi
home=$(getent passwd "$user" | cut -d: -f6)
root_m2=$(getent passwd 0 | cut -d: -f6)/.m2
mkdir -p "$home/.m2"
if [ ! -e "$home/.m2/.seeded" ]; then
	for part in repository wrapper; do
		if [ -d "$root_m2/$part" ] && [ ! -e "$home/.m2/$part" ]; then
			cp -a "$root_m2/$part" "$home/.m2/$part"
		fi
	done
	if [ -f "$root_m2/settings.xml" ] && [ ! -e "$home/.m2/settings.xml" ]; then
		cp "$root_m2/settings.xml" "$home/.m2/settings.xml"
	fi
	touch "$home/.m2/.seeded"
fi
chown -R "$user:" "$home/.m2"

owner=$(stat -c '%u:%g' "$root")
give_back() {
	chown -R "$owner" "$root"
}
trap give_back EXIT
chown -R "$user:" "$root"
# The checkout may sit below a directory only root may enter (/root): let the build user pass through each parent
# (search permission only; it still cannot list them).
if ! runuser -u "$user" -- test -x "$root"; then
	parent=$root
	while [ "$parent" != / ]; do
		parent=$(dirname "$parent")
		chmod o+x "$parent"
	done
	echo "as-build-user: gave $user search permission on the parents of $root" >&2
fi

status=0
runuser -u "$user" -- env HOME="$home" USER="$user" LOGNAME="$user" JAVA_HOME="${JAVA_HOME:-}" PATH="$PATH" \
	CI="${CI:-}" "$@" || status=$?
exit "$status"
