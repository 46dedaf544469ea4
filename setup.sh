#!/usr/bin/env bash
# Installs what TxLab's commands need on Debian, and nothing when it is all there (no network then).
# Shared by run.sh, test.sh and .ci/run.
#
#   bash setup.sh          what `bash test.sh` needs (the default)
#   bash setup.sh run      what `bash run.sh` needs (build, sandboxed grading)
#
# As root it installs what is missing (apt-get, then `npm ci` for the browser test's packages).
# As another user it installs nothing: it prints the exact commands to run and exits with 1.
# Not on Debian (no dpkg), it says what the tests need and carries on.
set -euo pipefail
cd "$(dirname "$0")"

profile="${1:-test}"
case "$profile" in
  run | test) ;;
  *)
    echo "usage: bash setup.sh [run|test]   (unknown profile '$profile')" >&2
    exit 2
    ;;
esac

# What each package is for (the grader's sandbox, the tests' tools, the real Jupyter).
# bubblewrap: the grader's sandbox (bwrap); procps, util-linux: pkill/ps, prlimit and setpriv
# around sandboxed children; passwd: useradd for BinderIT's throwaway user; git: BinderIT copies
# the tracked files.
packages=(bubblewrap procps util-linux passwd git)
if [ "$profile" = test ]; then
  # Debian's Jupyter, under Debian's python3 (call /usr/bin/jupyter by full path): nbconvert and
  # nbclient execute the notebooks, ipykernel is the benchmark's Python floor,
  # python3-jupyter-kernel-test is the protocol conformance suite (KernelConformanceIT),
  # jupyter-notebook (classic UI 6.4) and chromium are BrowserIT's server and browser;
  # strace lets notebook 07 count the fsyncs of each commit exactly (it estimates without);
  # fonts-dejavu-core gives Java2D a font for the charts' text.
  packages+=(jupyter-nbconvert jupyter-client python3-nbclient python3-ipykernel
    python3-jupyter-kernel-test jupyter-notebook chromium strace fonts-dejavu-core)
fi
command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)

browser=notebooks/browser

installed() { # package -> whether dpkg has it installed
  [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" = "ii " ]
}

node_ok() { # Node.js 20+ (playwright-core's engines)
  command -v node >/dev/null 2>&1 \
    && node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'
}

npm_ok() { # every package of the lock installed at the locked version
  node - "$browser" <<'JS'
const fs = require("fs");
const dir = process.argv[2];
const lock = JSON.parse(fs.readFileSync(`${dir}/package-lock.json`, "utf8"));
for (const [path, pkg] of Object.entries(lock.packages)) {
  if (!path) continue;
  let have;
  try { have = JSON.parse(fs.readFileSync(`${dir}/${path}/package.json`, "utf8")).version; }
  catch { process.exit(1); }
  if (have !== pkg.version) process.exit(1);
}
JS
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
  done
else
  echo "setup.sh: not a Debian system; make sure these (or their equivalents) are installed:" >&2
  echo "  ${packages[*]}" >&2
fi

npm_missing=false
if [ "$profile" = test ] && [ -f "$browser/package-lock.json" ]; then
  if ! node_ok; then
    echo "setup.sh: Node.js 20 or newer is not on PATH: BrowserIT will be skipped." >&2
  elif ! npm_ok; then
    npm_missing=true
  fi
fi

if [ "$(id -u)" != 0 ]; then
  if [ ${#missing[@]} -eq 0 ] && ! $npm_missing; then
    exit 0
  fi
  echo "setup.sh: this machine lacks what 'bash $profile.sh' needs. Run:" >&2
  if [ ${#missing[@]} -gt 0 ]; then
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  fi
  if $npm_missing; then
    echo "  npm ci --prefix $browser" >&2
  fi
  exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "== setup.sh: installing ${missing[*]} =="
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if $npm_missing; then
  echo "== setup.sh: installing the browser test's node packages (npm ci) =="
  npm ci --prefix "$browser" --no-audit --no-fund
fi
