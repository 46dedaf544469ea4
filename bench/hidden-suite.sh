#!/usr/bin/env bash
# Benchmark (not a test): the place-order hidden suite's wall time against the reference solution,
# median of 5 runs after a warm-up, split by category, next to one child JVM placing one order.
# Usage: bench/hidden-suite.sh [RUNS]   (builds first if the grader jar is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls grader/target/grader-*.jar 2>/dev/null | grep -v -e sources -e tests | head -n 1 || true)
if [ -z "$jar" ]; then
  mvn -q -B install -DskipTests
  jar=$(ls grader/target/grader-*.jar | grep -v -e sources -e tests | head -n 1)
fi
java -jar "$jar" bench --runs "${1:-5}"
