#!/usr/bin/env bash
# All tests: unit tests (*Tests), then integration tests (*IT: real child JVMs, real SQLite files,
# real Jupyter, the kernel protocol suite, a real browser), formatting and build checks. First
# setup.sh installs what they need (as root; otherwise it prints the commands and stops).
set -euo pipefail
cd "$(dirname "$0")"
# A student release (the grader's release verb) has no setup.sh: there the machine is theirs.
if [ -f setup.sh ]; then bash setup.sh test; fi
# A source file that git ignores passes here and is missing on a clean clone (CI failed so once).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  ignored=$(git ls-files --others --ignored --exclude-standard \
    | grep -vE '(^|/)(target|node_modules|\.ipynb_checkpoints)/|\.class$|^reports/' || true)
  if [ -n "$ignored" ]; then
    echo "test.sh: git ignores these source files, so a clean clone would not have them:" >&2
    echo "$ignored" >&2
    echo "Fix .gitignore (or delete the files), then run test.sh again." >&2
    exit 1
  fi
fi
mvn -B -ntp verify "$@"
