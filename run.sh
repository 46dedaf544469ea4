#!/usr/bin/env bash
# The main job: build everything, then prove the place-order hidden tests fair by grading the
# reference solution, the generated starter and every known-buggy variant, and print where the
# report is.
set -euo pipefail
cd "$(dirname "$0")"
echo "== building (first run downloads Maven dependencies) =="
mvn -B -ntp -q install -DskipTests
jar=$(ls grader/target/grader-*.jar | head -n 1)
echo "== grading the reference, the starter and the buggy variants =="
java -jar "$jar" validate --out reports/validation
