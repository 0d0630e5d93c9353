#!/bin/sh
# debian-packages.sh WHY SPEC... installs the Debian packages that make's targets need, when
# they are missing: the one install recipe of the Makefile.
#
# A SPEC is PACKAGE, needed unless dpkg has it installed, or COMMAND=PACKAGE, needed unless
# COMMAND is on PATH (a Java or a git from elsewhere will do). WHY says what needs them, as
# "for …". Before
# installing, it says in one line what it installs and why. As root it runs apt-get itself;
# as another user, through sudo; when sudo is missing or will not serve, it names the packages
# and the command an administrator runs, and fails.
set -eu

why=$1
shift
missing=
for spec in "$@"; do
	case $spec in
	*=*)
		command -v "${spec%%=*}" >/dev/null 2>&1 && continue
		package=${spec#*=}
		;;
	*)
		package=$spec
		status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
		[ "$status" = "install ok installed" ] && continue
		;;
	esac
	missing="$missing $package"
done
[ -n "$missing" ] || exit 0
missing=${missing# }

if ! command -v apt-get >/dev/null 2>&1; then
	echo "the Debian packages $missing are needed $why, and this machine has no apt-get: install their equivalents with its own package manager, then run make again" >&2
	exit 1
fi
# sudo serves when it lets this user run commands: at once, or after a password typed at a
# terminal. A user whom it refuses, or who has no terminal to type one at, is told what to ask.
if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || { [ -t 0 ] && sudo -v; }; }; then
	sudo=sudo
else
	echo "the Debian packages $missing are needed $why, and only root can install them: have an administrator run   apt-get install -y $missing   then run make again" >&2
	exit 1
fi
echo "installing the Debian packages $missing $why: ${sudo:+sudo }apt-get install -y $missing"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
