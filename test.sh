#!/usr/bin/env bash
# All tests: unit tests (*Tests), then integration tests (*IT: real child JVMs, real SQLite files,
# real Jupyter, the kernel protocol suite, a real browser), formatting and build checks. First
# setup.sh installs what they need (as root; otherwise it prints the commands and stops).
set -euo pipefail
cd "$(dirname "$0")"
# A student release (the grader's release verb) has no setup.sh: there the machine is theirs.
if [ -f setup.sh ]; then bash setup.sh test; fi
mvn -B -ntp verify "$@"
