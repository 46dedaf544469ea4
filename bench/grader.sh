#!/usr/bin/env bash
# Benchmark (not a test): how fast the grader grades, against the baseline an instructor would
# otherwise script, measured in the same run. Prints medians of RUNS runs.
#   1. one submission alone (the place-order reference), from scratch
#   2. the sample class (examples/sample-class, every exercise), from scratch; the target of 10 s
#      was set for 12 hand-ins of two exercises, it now holds six
#   3. a class of N place-order submissions (the reference and every fixture variant, each made
#      unique), from scratch, --jobs 2; with the split: JVM starts, compile, each category
#   4. the baseline on B of the same submissions: a Maven project per submission, `mvn -o -q test`
#      with one JUnit test that places one order. That is a floor (hidden tests would add to it),
#      so the ratio it gives is the least the grader is faster by.
# Usage: bench/grader.sh [N=100] [B=5] [RUNS=3]. KEEP=1 keeps the work folder.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
N=${1:-100}
B=${2:-5}
RUNS=${3:-3}
mvn -B -ntp -q install -DskipTests
jar=$(ls "$PWD"/grader/target/grader-*.jar | head -n 1)
work=$(mktemp -d /tmp/txlab-bench.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
py=/usr/bin/python3

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
# Wall-clock seconds of one grading run, from scratch (its --out removed first). A run that did
# not grade what it should (a broken sandbox grades nothing, fast) stops the benchmark.
# With perf installed, the CPU time of the whole process tree (the grader, bwrap, every submission
# JVM; rusage misses the JVMs a sandbox reaps) goes to cpu.log, one line per run.
timed() {
  local graded=$1 out=$2; shift 2; rm -rf "$out"; local t0 t1; t0=$(now)
  if command -v perf > /dev/null; then
    perf stat -x, -e task-clock -o "$out.perf" -- java -jar "$jar" "$@" --out "$out" > "$out.log" 2>&1 || true
    awk -F, '/task-clock/ { printf "%.1f\n", $1 / 1000 }' "$out.perf" >> "$work/cpu.log"
  else
    java -jar "$jar" "$@" --out "$out" > "$out.log" 2>&1 || true
  fi
  t1=$(now)
  if ! grep -q "^Done in .*: $graded graded" "$out.log" || grep -q "need your attention" "$out.log"; then
    echo "this run should have graded $graded submissions, none needing attention; its log:" >&2
    tail -20 "$out.log" >&2
    exit 1
  fi
  calc "$t1 - $t0"
}
runs() {
  local label=$1 graded=$2; shift 2; local ts=(); rm -f "$work/cpu.log"
  for r in $(seq 1 "$RUNS"); do ts+=("$(timed "$graded" "$work/run" "$@")"); done
  local m; m=$(printf '%s\n' "${ts[@]}" | median)
  local cpu=""
  if [ -s "$work/cpu.log" ]; then
    cpu="; CPU of the process tree: median $(median < "$work/cpu.log") s, $(awk -v n="$graded" '{print $1 / n}' "$work/cpu.log" | median) s per graded hand-in"
  fi
  echo "$label: median $m s of $RUNS runs (${ts[*]})$cpu" >&2
  echo "$m"
}

echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# -- the generated class: every place-order variant, round-robin, each one unique --
java -cp "$jar" bench/WriteVariants.java place-order "$work/variants"
mapfile -t variants < <(ls -d "$work"/variants/*/ | sort)
for i in $(seq 1 "$N"); do
  v=${variants[$(( (i - 1) % ${#variants[@]} ))]}
  mkdir -p "$work/class/s$i"
  for f in "$v"*.java; do { cat "$f"; echo "// submission $i"; } > "$work/class/s$i/$(basename "$f")"; done
done
mkdir -p "$work/one/ref"
cp exercises/src/main/java/org/txlab/exercises/PlaceOrder.java "$work/one/ref/"

echo "== one submission alone (place-order reference) =="
one=$(runs "one submission" 1 grade "$work/one" -e place-order)
echo "== sample class =="
sample=$(runs "sample class ($(ls examples/sample-class | wc -l) hand-ins, every exercise)" 12 grade examples/sample-class)
echo "== $N generated submissions, --jobs 2 =="
class=$(runs "class of $N" "$N" grade "$work/class" -e place-order --jobs 2)
echo "split of the last run (per-submission medians, within the batch):"
$py - "$work/run/.state" <<'PY'
import glob, json, statistics, sys
phases, millis = {}, []
for f in glob.glob(sys.argv[1] + "/*.json"):
    r = json.load(open(f))
    millis.append(r["millis"])
    for k, v in r.get("phases", {}).items():
        phases.setdefault(k, []).append(v)
print(f"  whole submission   {statistics.median(millis) / 1000:.3f} s")
for k in sorted(phases):
    unit = "" if k == "jvm starts" else " ms"
    print(f"  {k:<28} {statistics.median(phases[k]):g}{unit}")
PY

echo "== baseline: a Maven project per submission, mvn -o -q test, $B submissions =="
base="$work/baseline"
mkdir -p "$base/src/test/java/bench"
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)
junit=$(sed -n "s:.*<junit.version>\(.*\)</junit.version>.*:\1:p" pom.xml | head -n 1)
cat > "$base/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>baseline</artifactId><version>1</version>
<properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
<dependencies>
<dependency><groupId>org.txlab</groupId><artifactId>course</artifactId><version>$version</version></dependency>
<dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>${junit:-5.14.4}</version><scope>test</scope></dependency>
</dependencies>
<build><plugins>
<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
<plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version>
<configuration><testFailureIgnore>true</testFailureIgnore></configuration></plugin>
</plugins></build>
</project>
POM
cat > "$base/src/test/java/bench/OneOrderTest.java" <<'JAVA'
package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.txlab.course.Shop;

class OneOrderTest {
  @Test
  void placesOneOrder() throws Exception {
    Path db = Files.createTempDirectory("bench").resolve("shop.db");
    Shop.create(db);
    new org.txlab.exercises.PlaceOrder(Shop.source(db)).placeOrder(1, 1, 1);
    Assertions.assertEquals(9, Shop.stock(Shop.source(db), 1));
  }
}
JAVA
times=()
for i in $(seq 1 "$B"); do
  rm -rf "$base/src/main" "$base/target"
  mkdir -p "$base/src/main/java"
  cp "$work/variants"/reference/*.java "$base/src/main/java/"
  echo "// submission $i" >> "$base/src/main/java/PlaceOrder.java"
  t0=$(now)
  (cd "$base" && mvn -o -q -B test > "$work/baseline-$i.log" 2>&1) || true
  t1=$(now)
  # A baseline that ran nothing would make the ratio meaningless: check its test ran.
  if ! grep -q 'Tests run: 1, Failures: 0, Errors: 0' "$base"/target/surefire-reports/*.txt 2>/dev/null; then
    echo "baseline run $i did not run its test; its log:" >&2
    tail -20 "$work/baseline-$i.log" >&2
    exit 1
  fi
  times+=("$(calc "$t1 - $t0")")
done
bmed=$(printf '%s\n' "${times[@]}" | median)
echo "baseline: per-submission median $bmed s over $B submissions (${times[*]})"
echo
echo "== result =="
echo "one submission alone:   $one s wall, CLI start included (target <= 1.5 s for the grading itself: see 'whole submission' above)"
echo "sample class:           $sample s (target <= 10 s)"
echo "class of $N, --jobs 2:   $class s (target <= 60 s for 100)"
echo "ratio, baseline per submission / txlab per submission in the batch: $(calc "$bmed / ($class / $N)")x (target >= 10x)"
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
