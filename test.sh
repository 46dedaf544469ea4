#!/usr/bin/env bash
# All tests: unit tests (*Tests), then integration tests (*IT: real child JVMs, real SQLite files,
# real Jupyter), formatting and build checks. Needs Java 17+, Maven, and for the Jupyter tests
# Debian's jupyter-nbconvert, jupyter-client, python3-nbclient and python3-ipykernel.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp verify "$@"
