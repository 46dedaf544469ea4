#!/usr/bin/env bash
# Benchmark (not a test): wall time of each lesson notebook executed headless by Debian's Jupyter
# (nbconvert) with the TxLab kernel, median of N runs (default 3), and the total of the medians.
# Targets: each notebook <= 60 s, all four <= 180 s.
# Usage: bench/notebooks.sh [RUNS]   (builds the kernel first if its jar is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
jar="kernel/target/kernel-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ]; then
  mvn -q -B -pl kernel -am package -DskipTests
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" install --prefix "$work/jupyter" > "$work/install.log"
mkdir -p "$work/tmp"
export JUPYTER_PATH="$work/jupyter/share/jupyter"
export JUPYTER_DATA_DIR="$work/data"
export JUPYTER_RUNTIME_DIR="$work/runtime"
export JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$work/tmp"

total=0
printf '%-32s %s\n' "notebook" "median of $runs (s)"
for nb in notebooks/[0-9][0-9]-*.ipynb; do
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    # Debian's Jupyter by full path: a python3 earlier on PATH may have no Jupyter modules.
    /usr/bin/jupyter nbconvert --to notebook --execute \
      --ExecutePreprocessor.kernel_name=txlab-java --ExecutePreprocessor.timeout=120 \
      --output-dir "$work/out" "$nb" > "$work/nbconvert.log" 2>&1 \
      || { echo "FAILED: $nb"; tail -n 40 "$work/nbconvert.log"; exit 1; }
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  total=$(echo "$total + $median" | bc)
  printf '%-32s %6.1f   (runs: %s)\n' "$(basename "$nb")" "$median" "${times[*]}"
done
printf '%-32s %6.1f\n' "total of medians" "$total"
