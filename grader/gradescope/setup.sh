#!/usr/bin/env bash
# Gradescope autograder setup (runs once when the image is built, as root, on Ubuntu).
# Upload a zip of: setup.sh, run_autograder, and txlab/ (a copy of grader/target/grader-*.jar
# and grader/target/lib/, made by `mvn -q install -DskipTests` in the TxLab repository).
set -euo pipefail
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  openjdk-17-jdk-headless bubblewrap

# Builds the grader's caches into the image (~/.cache/txlab: the class-data archives of the
# grader and of the submission JVMs, SQLite's native library). Every student's run starts from
# this image, and would otherwise build them again: about 3 s more per submission.
cd /autograder/source
jar=$(ls txlab/grader-*.jar | head -n 1)
warm=$(mktemp -d)
mkdir "$warm/empty"
# Only a speed-up: if it fails, the image still grades.
java -jar "$jar" gradescope --submission "$warm/empty" --results "$warm/results.json" \
  || echo "setup.sh: building the grader's caches failed; each run will build them itself" >&2
rm -rf "$warm"
