#!/usr/bin/env bash
# Benchmark of the TxLab Java kernel against Debian's Python kernel (the floor). Not a test.
#
# Measures, median of N runs (default 5), round-robin in one run:
#   - process start -> first cell result (jupyter_client)
#   - a 21-cell trivial notebook through /usr/bin/jupyter nbconvert --execute (Java and Python)
#   - shutdown: shutdown_request -> kernel process gone
#   - interrupt latency of a busy loop: interrupt sent -> kernel idle
#   - memory: RSS of the kernel's whole process tree (VmRSS of the kernel and its descendants)
#     after every cell of notebooks/02-sqlite-transaction.ipynb ran, before shutdown; and that
#     notebook's run time (Java only: there is no Python version of it)
# Targets: first result <= 1.5 s, nbconvert <= 1.25 x Python, shutdown <= 0.3 s, interrupt <= 0.5 s,
# RSS after 02 <= 160 MB (Binder pods share 2 GB).
#
# Usage: bench/kernel.sh [RUNS]     (needs: mvn -pl kernel -am package)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
PY=/usr/bin/python3
JUPYTER=/usr/bin/jupyter
JAR=$(ls kernel/target/kernel-*.jar | head -1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

java -jar "$JAR" install --prefix "$WORK/prefix" >/dev/null
export JUPYTER_PATH="$WORK/prefix/share/jupyter"
export JUPYTER_RUNTIME_DIR="$WORK/runtime"
# Notebook 02 runs in a copy, its databases and child JVMs' files in $WORK.
mkdir -p "$WORK/nb" "$WORK/tmp"
cp notebooks/02-sqlite-transaction.ipynb "$WORK/nb/"

# Two 21-cell trivial notebooks, one per language.
$PY - "$WORK" <<'PYEOF'
import json, sys
work = sys.argv[1]
def nb(name, lang, cells):
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
                       "outputs": [], "source": src} for i, src in enumerate(cells)],
            "metadata": {"kernelspec": {"name": name, "display_name": name, "language": lang}},
            "nbformat": 4, "nbformat_minor": 5}
java = [f"int v{i} = {i};\nv{i} * 2" for i in range(21)]
python = [f"v{i} = {i}\nv{i} * 2" for i in range(21)]
json.dump(nb("txlab-java", "java", java), open(f"{work}/java.ipynb", "w"))
json.dump(nb("python3", "python", python), open(f"{work}/python.ipynb", "w"))
PYEOF

nbconvert() { # kernel notebook -> seconds
  local t0 t1
  t0=$(date +%s.%N)
  $JUPYTER nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name="$1" \
    --output "$WORK/out-$1.ipynb" "$WORK/$2" >/dev/null 2>&1
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

: >"$WORK/samples.txt"
for i in $(seq "$RUNS"); do
  for k in txlab-java python3; do
    s=$($PY bench/kernel_session.py "$k")
    echo "$k session $s" >>"$WORK/samples.txt"
  done
  echo "txlab-java rss $(JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$WORK/tmp" \
    $PY bench/kernel_session.py txlab-java "$WORK/nb/02-sqlite-transaction.ipynb")" \
    >>"$WORK/samples.txt"
  echo "txlab-java nbconvert $(nbconvert txlab-java java.ipynb)" >>"$WORK/samples.txt"
  echo "python3 nbconvert $(nbconvert python3 python.ipynb)" >>"$WORK/samples.txt"
done

$PY - "$WORK/samples.txt" <<'PYEOF'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    kernel, kind, value = line.split(" ", 2)
    if kind in ("session", "rss"):
        for key, v in json.loads(value).items():
            rows.setdefault((kernel, key), []).append(v)
    else:
        rows.setdefault((kernel, "nbconvert_21_cells"), []).append(float(value))
med = {k: statistics.median(v) for k, v in rows.items()}
targets = {"first_result": 1.5, "shutdown": 0.3, "interrupt": 0.5}
print(f"{'metric':<22}{'txlab-java':>12}{'python3':>10}{'ratio':>8}  target")
for key in ("first_result", "nbconvert_21_cells", "shutdown", "interrupt"):
    j, p = med[("txlab-java", key)], med[("python3", key)]
    target = f"<= {targets[key]} s" if key in targets else "<= 1.25 x python3"
    ok = (j <= targets[key]) if key in targets else (j <= 1.25 * p)
    print(f"{key:<22}{j:>11.3f}s{p:>9.3f}s{j / p:>8.2f}  {target} {'OK' if ok else 'MISSED'}")
rss, nb02 = med[("txlab-java", "rss_mb")], med[("txlab-java", "notebook_s")]
print(f"{'rss_after_02':<22}{rss:>10.0f}MB{'-':>10}{'-':>8}  <= 160 MB {'OK' if rss <= 160 else 'MISSED'}")
print(f"{'notebook_02':<22}{nb02:>11.3f}s{'-':>10}{'-':>8}")
print(f"(median of {len(rows[('txlab-java', 'first_result')])} runs; seconds, RSS in MB of 10^6 bytes)")
PYEOF
