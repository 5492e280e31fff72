#!/usr/bin/env bash
# Runs Brickcheck's JMH benchmarks and prints JMH's table (mean and error per benchmark).
#
# Usage: benchmarks/run.sh [JMH regex] [extra JMH args]
#   benchmarks/run.sh                      # everything, short settings (about a minute per benchmark class)
#   benchmarks/run.sh RuleEngine -f 3      # one class, three forks
# Builds what it needs first. Prints the machine (cores, JDK) so figures can be compared.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -DskipTests package -pl benchmarks -am
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
pattern="${1:-.}"
shift || true
java -jar benchmarks/target/benchmarks.jar "$pattern" -f 1 -wi 3 -w 1s -i 5 -r 1s "$@"
