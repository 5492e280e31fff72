#!/usr/bin/env bash
# Runs Brickcheck's JMH benchmarks and prints JMH's table (mean and error per benchmark).
#
# Usage: benchmarks/run.sh [JMH regex] [JMH args]
#   benchmarks/run.sh                        # everything: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement
#   benchmarks/run.sh RuleEngine             # one class, the same settings
#   benchmarks/run.sh Open -f 3 -wi 5 -i 10  # your own settings replace the defaults
# Builds what it needs first. Prints the machine (cores, JDK) so figures can be compared.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -DskipTests package -pl benchmarks -am
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
pattern="${1:-.}"
shift || true
if [ "$#" -eq 0 ]; then
  set -- -f 1 -wi 3 -w 1s -i 5 -r 1s
fi
java -jar benchmarks/target/benchmarks.jar "$pattern" "$@"
