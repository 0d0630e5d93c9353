#!/bin/sh
# publish.sh PUBLIC WEBROOT [LABEL] — put a built site live on the web server, atomically.
#
# Copies PUBLIC (dangjian's output folder) to WEBROOT/releases/<date>-<LABEL>/, then points the
# symbolic link WEBROOT/current at it with one rename, so that a visitor gets either the old
# site or the new one, never half of each, and a failed copy changes nothing. Keeps the KEEP
# newest releases (default 5) for a quick rollback:
#   ln -sfn releases/<older> WEBROOT/current.new && mv -T WEBROOT/current.new WEBROOT/current
# LABEL names the release, e.g. the commit; it defaults to "manual". Needs GNU coreutils (mv -T).
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: publish.sh PUBLIC WEBROOT [LABEL]" >&2
	exit 2
fi
public=$1
webroot=$2
label=${3:-manual}
keep=${KEEP:-5}

if [ ! -f "$public/index.html" ] || [ ! -f "$public/404.html" ]; then
	echo "publish.sh: $public holds no built site (no index.html and 404.html): run dangjian build first" >&2
	exit 1
fi
if [ -e "$webroot/current" ] && [ ! -L "$webroot/current" ]; then
	echo "publish.sh: $webroot/current is not a symbolic link: move it away, it would not be swapped atomically" >&2
	exit 1
fi

mkdir -p "$webroot/releases"
# Names sort by time, to the nanosecond: two publishes in one second keep their order.
name=$(date -u +%Y%m%dT%H%M%S.%NZ)-$(printf '%s' "$label" | tr -c 'A-Za-z0-9._-' '_')
release=$webroot/releases/$name
if [ -e "$release" ]; then
	echo "publish.sh: $release exists already" >&2
	exit 1
fi
# Copy into a temporary name first: a release folder is complete or absent.
rm -rf "$release.partial"
cp -R "$public" "$release.partial"
chmod -R a+rX "$release.partial"
mv "$release.partial" "$release"

# The swap: a new link beside the old, renamed over it (rename(2) is atomic).
ln -sfn "releases/$name" "$webroot/current.new"
mv -T "$webroot/current.new" "$webroot/current"
echo "published $public as $release"

# Old releases go, the newest kept, and never the live one.
ls -1 "$webroot/releases" | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
	[ "$old" = "$name" ] || rm -rf "$webroot/releases/$old"
done
