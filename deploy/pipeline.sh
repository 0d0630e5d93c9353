#!/bin/sh
# pipeline.sh WEBROOT — what the git server runs after each push to the main branch, in a
# clone of the repository: check the site, build it, and put it live in WEBROOT (the folder
# deploy/nginx.conf serves) with publish.sh. Any failure stops it with the old site still live.
#
#   DANGJIAN=path/to/dangjian   the binary to use (default: dangjian on PATH; make release
#                               builds it; `go build ./cmd/dangjian` works too)
#   WEBHOST=user@web            publish on another machine, over rsync and ssh, into its
#                               WEBROOT, where a copy of publish.sh must be (WEBROOT/publish.sh)
set -eu

if [ $# -ne 1 ]; then
	echo "usage: pipeline.sh WEBROOT" >&2
	exit 2
fi
webroot=$1
dangjian=${DANGJIAN:-dangjian}
cd "$(dirname "$0")/.."
commit=$(git rev-parse --short HEAD)

# Pages are dated by their last commit: a shallow clone would date them all by its one commit.
if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
	git fetch --quiet --unshallow
fi

"$dangjian" check -s .
"$dangjian" build -s . -d public

if [ -n "${WEBHOST:-}" ]; then
	rsync -a --delete public/ "$WEBHOST:$webroot/incoming/"
	ssh "$WEBHOST" sh "$webroot/publish.sh" "$webroot/incoming" "$webroot" "$commit"
else
	sh deploy/publish.sh public "$webroot" "$commit"
fi
