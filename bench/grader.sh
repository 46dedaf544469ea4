#!/usr/bin/env bash
# Benchmark (not a test): grading throughput, measured in one run against the baseline an
# instructor would otherwise script (copy each submission into a Maven project with the hidden
# tests and run `mvn -o test`).
#   1. the sample class (examples/sample-class), from scratch
#   2. a class of N generated submissions (default 100; reference and buggy variants, each made
#      unique), from scratch, --jobs 2
#   3. the baseline on B of the same submissions (default 5), one `mvn -o -q test` each
# Prints per-submission medians, totals and the ratio. Usage: bench/grader.sh [N] [B]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100}
B=${2:-5}
mvn -B -ntp -q install -DskipTests
jar=$(ls "$PWD"/grader/target/grader-*.jar | head -n 1)
work=$(mktemp -d /tmp/txlab-bench.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }

# -- the generated class --
mkdir -p "$work/class"
sources=(exercises/src/main/java/org/txlab/exercises/PlaceOrder.java grader/fixtures/place-order/variants/*/PlaceOrder.java)
for i in $(seq 1 "$N"); do
  src=${sources[$(( (i - 1) % ${#sources[@]} ))]}
  mkdir -p "$work/class/s$i"
  { cat "$src"; echo "// submission $i"; } > "$work/class/s$i/PlaceOrder.java"
done

echo "== sample class =="
t0=$(now)
java -jar "$jar" grade examples/sample-class --out "$work/sample" > "$work/sample.log" 2>&1
t1=$(now)
echo "sample class: $(grep -c '^\[' "$work/sample.log") submissions in $(calc "$t1 - $t0") s"

echo "== $N generated submissions, --jobs 2 =="
t0=$(now)
java -jar "$jar" grade "$work/class" --out "$work/out" --jobs 2 > "$work/class.log" 2>&1
t1=$(now)
total=$(calc "$t1 - $t0")
per=$(python3 -c 'import json, sys; [print(json.load(open(f))["millis"] / 1000) for f in sys.argv[1:]]' "$work"/out/.state/*.json | median)
echo "txlab: $N submissions in $total s; per-submission median (one at a time within the batch) $per s"

echo "== baseline: Maven project per submission, mvn -o -q test, $B submissions =="
base="$work/baseline"
mkdir -p "$base/src/test/java/org/txlab/grader" "$base/src/test/resources"
cp -r grader/src/main/java/org/txlab/grader/hidden grader/src/main/java/org/txlab/grader/suite "$base/src/test/java/org/txlab/grader/"
rm -f "$base/src/test/java/org/txlab/grader/suite/SuiteRunner.java"
mkdir -p "$base/src/test/resources/org/txlab/grader"
cp grader/src/main/resources/org/txlab/grader/feedback.properties "$base/src/test/resources/org/txlab/grader/"
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)
cat > "$base/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>baseline</artifactId><version>1</version>
<properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
<dependencies>
<dependency><groupId>org.txlab</groupId><artifactId>course</artifactId><version>$version</version></dependency>
<dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.4</version><scope>test</scope></dependency>
<dependency><groupId>org.assertj</groupId><artifactId>assertj-core</artifactId><version>3.27.7</version><scope>test</scope></dependency>
</dependencies>
<build><plugins>
<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version>
<configuration><includes><include>**/*Checks.java</include></includes><testFailureIgnore>true</testFailureIgnore></configuration></plugin>
</plugins></build>
</project>
POM
times=()
for i in $(seq 1 "$B"); do
  rm -rf "$base/src/main" "$base/target"
  mkdir -p "$base/src/main/java"
  cp "$work/class/s$i/PlaceOrder.java" "$base/src/main/java/"
  printf 'txlab.submission.classpath=%s\ntxlab.submission.implementation=org.txlab.exercises.PlaceOrder\n' "$base/target/classes" > "$base/src/test/resources/junit-platform.properties"
  t0=$(now)
  (cd "$base" && mvn -o -q -B test > "$work/baseline-$i.log" 2>&1) || true
  t1=$(now)
  # A baseline that did not run the hidden tests would make the ratio meaningless: check it did.
  ran=$( (cat "$base"/target/surefire-reports/*.txt 2>/dev/null || true) | (grep -o 'Tests run: [0-9]*' || true) | awk '{s += $3} END {print s + 0}')
  if [ "$ran" -lt 15 ]; then
    echo "baseline run $i ran $ran hidden tests, expected 15; its log:" >&2
    tail -20 "$work/baseline-$i.log" >&2
    exit 1
  fi
  times+=("$(calc "$t1 - $t0")")
done
bmed=$(printf '%s\n' "${times[@]}" | median)
echo "baseline: per-submission median $bmed s over $B submissions; $N submissions would take ~$(calc "$bmed * $N") s"
echo
echo "ratio (baseline per submission / txlab batch time per submission): $(calc "$bmed / ($total / $N)")x"
