#!/usr/bin/env bash
# Gradescope autograder setup (runs once when the image is built, as root, on Ubuntu).
# Upload a zip of: setup.sh, run_autograder, and txlab/ (a copy of grader/target/grader-*.jar
# and grader/target/lib/, made by `mvn -q install -DskipTests` in the TxLab repository).
set -euo pipefail
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  openjdk-17-jdk-headless bubblewrap
