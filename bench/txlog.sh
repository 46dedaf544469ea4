#!/usr/bin/env bash
# Benchmark (not a test): what crashing a student's transaction log costs per submission.
#   1. a class of N txlog hand-ins (the reference and every txlog fixture variant, round-robin,
#      each made unique), graded sandboxed with -e txlog --jobs 2: per-submission medians of the
#      whole suite and of each hidden test, from the shard file;
#   2. the baseline, in the same run: the same sweeps (every crash image of the ten-order workload,
#      all kinds) run in one plain JVM on the reference, recovering each image in the same JVM as
#      the self-check does: what the crash model itself costs, without sandbox, JVM boundary or
#      fresh class loaders.
# Budget from the issue: all crash images of a 10-transaction workload checked in <= 1 s per
# submission. Usage: bench/txlog.sh [N=20] [RUNS=3]. KEEP=1 keeps the work folder.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
N=${1:-20}
RUNS=${2:-3}
mvn -B -ntp -q install -DskipTests
jar=$(ls "$PWD"/grader/target/grader-*.jar | head -n 1)
work=$(mktemp -d /tmp/txlab-bench-txlog.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
py=/usr/bin/python3
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$jar" bench/WriteVariants.java txlog "$work/variants"
mapfile -t variants < <(ls -d "$work"/variants/*/ | grep -v starter | sort)
for i in $(seq 1 "$N"); do
  v=${variants[$(( (i - 1) % ${#variants[@]} ))]}
  mkdir -p "$work/class/s$i"
  for f in "$v"*.java; do { cat "$f"; echo "// submission $i"; } > "$work/class/s$i/$(basename "$f")"; done
done

suites=()
sweeps=()
for r in $(seq 1 "$RUNS"); do
  rm -rf "$work/out"
  java -jar "$jar" grade "$work/class" -e txlog --jobs 2 --shard 1/1 --out "$work/out" > "$work/run.log" 2>&1 || true
  if ! grep -q "^Done in .*: $N graded" "$work/run.log"; then
    echo "this run should have graded $N submissions; its log:" >&2
    tail -20 "$work/run.log" >&2
    exit 1
  fi
  read -r suite sweep < <($py - "$work/out/shard.json" <<'PY'
import json, statistics, sys
d = json.load(open(sys.argv[1]))
suites, sweeps = [], []
def walk(o):
    if isinstance(o, dict):
        if o.get("exercise") == "txlog" and "results" in o:
            ms = {t["id"].split(".")[-1]: t["millis"] for t in o["results"]}
            suites.append(sum(ms.values()))
            sweeps.append(ms["powerLossLeavesWholeTransactions"] + ms["processCrashLeavesWholeTransactions"] + ms["acknowledgedCommitsSurvivePowerLoss"])
        for v in o.values(): walk(v)
    elif isinstance(o, list):
        for v in o: walk(v)
walk(d)
print(statistics.median(suites), statistics.median(sweeps))
PY
)
  suites+=("$suite"); sweeps+=("$sweep")
  echo "run $r: per-submission median suite $suite ms, the three ten-order sweeps $sweep ms" >&2
done

# Baseline: the same three sweeps in one plain JVM, on the reference, recovering in-process.
cat > "$work/Baseline.java" <<'JAVA'
import java.util.*;
import org.txlab.course.txlog.*;
import org.txlab.exercises.TxStore;

public class Baseline {
  public static void main(String[] a) throws Exception {
    Workload.Builder b = Workload.builder();
    Map<String, String> first = new LinkedHashMap<>();
    first.put("stock-1", "10");
    first.put("stock-2", "5");
    b.commit(first);
    for (int i = 2; i <= 10; i++) {
      Map<String, String> puts = new LinkedHashMap<>();
      puts.put("order-" + i, "user " + i + " bought 1 of product 1");
      puts.put("stock-1", Integer.toString(12 - i));
      if (i % 3 == 0) puts.put("stock-2", Integer.toString(5 - i / 3));
      b.commit(puts);
    }
    Workload w = b.build();
    CrashSweep.Recoverer rec = imgs -> { List<TxRun.Recovery> out = new ArrayList<>(); for (DiskImage i : imgs) out.add(TxRun.recover(TxStore::new, i, 5000)); return out; };
    List<Long> times = new ArrayList<>();
    for (int rep = 0; rep < 7; rep++) {
      long t0 = System.nanoTime();
      for (int s = 0; s < 3; s++) {
        RecordingDisk d = RecordingDisk.empty();
        TxStore store = new TxStore(d);
        store.recover();
        TxRun.run(store, d, w);
        CrashSweep.sweep(d.trace(), w.states(Map.of()), p -> true, i -> true, rec);
      }
      times.add((System.nanoTime() - t0) / 1_000_000);
    }
    // The first runs warm the JIT; the median of the last five is a plain JVM's steady cost.
    List<Long> last = new ArrayList<>(times.subList(2, times.size()));
    Collections.sort(last);
    System.out.println(last.get(last.size() / 2));
  }
}
JAVA
cp="course/target/classes:exercises/target/classes"
javac -cp "$cp" -d "$work/bl" "$work/Baseline.java"
base=$(java -cp "$cp:$work/bl" Baseline)

suite=$(printf '%s\n' "${suites[@]}" | median)
sweep=$(printf '%s\n' "${sweeps[@]}" | median)
echo
echo "== result =="
echo "txlog suite per submission (13 tests, sandboxed): median $suite ms over $RUNS runs (${suites[*]})"
echo "the three ten-order sweeps per submission:        median $sweep ms (${sweeps[*]}) (budget <= 1000 ms)"
echo "baseline, the same sweeps in one plain JVM:        $base ms"
echo "ratio, sandboxed sweeps / plain JVM: $(awk "BEGIN { printf \"%.1f\", $sweep / ($base > 0 ? $base : 1) }")x"
