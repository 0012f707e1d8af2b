#!/usr/bin/env bash
# Cold-start figures of the built launcher, as whole processes (each run a fresh JVM), medians of N runs:
#   1. initscope --version
#   2. initscope run (the seed experiment) against python3 bench/seed_numpy.py, run in turn, pair by pair
#   3. the window's first histograms after launch (the app's own log line; needs xvfb-run)
# Usage: bench/cold-start.sh [N]     (after mvn verify or mvn package; N defaults to 7)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-7}
app=target/initscope/bin/initscope
[ -x "$app" ] || { echo "build the launcher first: mvn package" >&2; exit 2; }

seconds() {   # wall seconds of one command, its output discarded
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  python3 -c "print(round(($end - $start) / 1e9, 3))"
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

version=(); run=(); numpy=(); ratio=(); first=()
for i in $(seq "$n"); do
  version+=("$(seconds "$app" --version)")
  a=$(seconds "$app" run --format table)
  b=$(seconds env -u OPENBLAS_CORETYPE python3 bench/seed_numpy.py)
  run+=("$a"); numpy+=("$b"); ratio+=("$(python3 -c "print(round($a / $b, 3))")")
  if command -v xvfb-run >/dev/null; then
    first+=("$(JDK_JAVA_OPTIONS="-Dinitscope.firstResult=exit -Djava.util.prefs.userRoot=$(mktemp -d)" \
      timeout 120 xvfb-run -a -s "-screen 0 1280x720x24" "$app" 2>&1 \
      | sed -n 's/.*first histograms \([0-9]*\) ms.*/\1/p')")
  fi
done
echo "initscope --version          median $(printf '%s\n' "${version[@]}" | median) s"
echo "initscope run (seed)         median $(printf '%s\n' "${run[@]}" | median) s"
echo "python3 bench/seed_numpy.py  median $(printf '%s\n' "${numpy[@]}" | median) s"
echo "run / numpy, pair by pair    median $(printf '%s\n' "${ratio[@]}" | median)"
if [ ${#first[@]} -gt 0 ]; then
  echo "window, first histograms     median $(printf '%s\n' "${first[@]}" | median) ms after launch"
fi
