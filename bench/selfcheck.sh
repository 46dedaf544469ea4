#!/usr/bin/env bash
# Benchmark (not a test): each exercise's public self-check against its reference, in one JVM as a
# notebook's kernel runs it; first run and median of RUNS more, against the issue's <= 3 s, and the
# cost of one fresh shop database measured in the same run. Usage: bench/selfcheck.sh [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests
jar=$(ls "$PWD"/grader/target/grader-*.jar | head -n 1)
java -XX:TieredStopAtLevel=1 -cp "$jar:$PWD/exercises/target/classes" bench/SelfCheckTimes.java "${1:-5}"
