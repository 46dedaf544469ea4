#!/usr/bin/env bash
# The main job: build everything, install the course's Java kernel for this user, prove the hidden
# tests fair (reference 100 %, starter 0, each buggy variant caught), then grade the bundled sample
# class in the sandbox and print where the reports are. First setup.sh installs what is missing
# (bubblewrap, the sandbox, and its tools) as root, or prints the command to run and stops.
set -euo pipefail
cd "$(dirname "$0")"
bash setup.sh run
echo "== building (the first run downloads Maven dependencies) =="
mvn -B -ntp -q install -DskipTests
echo "== installing the Java kernel (txlab-java) for $(id -un) =="
java -jar kernel/target/kernel-0.1.0-SNAPSHOT.jar install
jar=grader/target/grader-0.1.0-SNAPSHOT.jar
echo "== validating every exercise's hidden tests (reference 100 %, starter 0, each variant caught) =="
java -jar "$jar" validate --out reports/validation
echo
echo "== grading the sample class (examples/sample-class) =="
java -jar "$jar" grade examples/sample-class --out reports/sample-class
