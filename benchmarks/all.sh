#!/usr/bin/env bash
# Every Brickcheck benchmark in one run, each printing medians or means with their error and the
# machine it ran on. About 15 minutes on 2 cores; run it on a quiet machine.
#
# Usage: benchmarks/all.sh
#   1. JMH: rule engine parses and checks, warm open*(), interceptor overhead (benchmarks/run.sh)
#   2. open() latency against a hung discovery endpoint (ASYNC, BLOCKING) and probe requests under
#      64 concurrent cold opens, beside dbt-databricks' figures (OpenLatency)
#   3. the processor's compile-time overhead at N = 100, 500 and 2000 profiles
#      (processor/bench/compile-overhead.sh, 3 interleaved runs each)
#   4. build cost beside a no-op processor and AutoValue, and cold start (probe OFF, ASYNC, the
#      CLI), side by side as ratios (benchmarks/compare.sh; alone: benchmarks/compare.sh --quick)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -DskipTests package
echo "=== 1. JMH"
benchmarks/run.sh
echo "=== 2. open() latency and single flight"
java -cp benchmarks/target/benchmarks.jar io.brickcheck.benchmarks.OpenLatency 5
echo "=== 3. compile-time overhead"
processor/bench/compile-overhead.sh 3 100 500 2000
echo "=== 4. build cost and cold start, side by side"
benchmarks/compare.sh --no-build
