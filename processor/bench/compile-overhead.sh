#!/usr/bin/env bash
# Measures what the Brickcheck processor adds to javac's wall time.
#
# Usage (from the repository root, after a build that packaged the jars):
#   ./mvnw -B -ntp package -DskipTests
#   processor/bench/compile-overhead.sh [RUNS] [N ...]      # defaults: RUNS=5, N = 100 500
#
# For each N it writes N source files, each one @DatabricksProfile interface with 4 computes
# (the default http path plus 3 named computes) and a small class, then compiles them RUNS times in
# four ways, interleaved so that noise from other load on the machine hits all alike:
#   plain      javac -proc:none on the sources;
#   factories  javac -proc:none on the sources plus the factories the processor generates;
#   copy       javac with a trivial processor that writes those same factories through the Filer
#              (no rules, no JavaPoet): the floor for ANY processor that generates this code, since
#              javac then runs a second round and compiles the generated sources;
#   processor  javac with the Brickcheck processor (the shaded jar on -processorpath).
# It prints the median wall time of each, processor/plain (the issue's metric; target: at most
# 1.30 at N = 500) and processor/copy (the processor's own cost above that floor).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${1:-5}"
shift || true
SIZES=("${@:-100 500}")
# shellcheck disable=SC2206
SIZES=(${SIZES[*]})


generate() { # $1 = N, $2 = dir
  local n=$1 dir=$2/src/bench
  mkdir -p "$dir"
  for ((i = 0; i < n; i++)); do
    local id=$((1000000 + i))
    cat >"$dir/Profile$i.java" <<JAVA
package bench;

import io.brickcheck.Compute;
import io.brickcheck.DatabricksProfile;

@DatabricksProfile(
    host = "peco$i.azuredatabricks.net",
    httpPath = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b$i?o=$id",
    computes = {
      @Compute(name = "etl", httpPath = "/sql/1.0/warehouses/e7e7e7e7e7e7e7$i?o=$id"),
      @Compute(name = "nightly-batch", httpPath = "sql/protocolv1/o/$id/0123-456789-abc$i"),
      @Compute(name = "reporting", httpPath = "/sql/1.0/endpoints/f0f0f0f0f0f0f0$i?o=$id")
    })
interface Profile$i {}

final class Repository$i {
  private final java.util.Map<String, Integer> counts = new java.util.HashMap<>();

  int count(String table) {
    return counts.getOrDefault(table, 0);
  }

  java.util.List<String> tables() {
    java.util.List<String> out = new java.util.ArrayList<>(counts.keySet());
    java.util.Collections.sort(out);
    return out;
  }

  String describe() {
    StringBuilder b = new StringBuilder("Repository$i");
    for (String t : tables()) {
      b.append(' ').append(t).append('=').append(count(t));
    }
    return b.toString();
  }
}
JAVA
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

now_ms() { date +%s%3N; }

# Sourced (to reuse generate()): stop here.
[[ "${BASH_SOURCE[0]}" == "$0" ]] || return 0

RUNTIME_JAR="$(ls "$ROOT"/runtime/target/brickcheck-runtime-*.jar | grep -v -- '-sources\|-javadoc' | head -1)"
# The runtime's own dependencies in this tree: the rule engine and the dbt reader.
RULES_JAR="$(ls "$ROOT"/rules/target/brickcheck-rules-*.jar | grep -v -- '-sources\|-javadoc' | head -1)"
DBT_JAR="$(ls "$ROOT"/dbt/target/brickcheck-dbt-*.jar | grep -v -- '-sources\|-javadoc' | head -1)"
PROCESSOR_JAR="$(ls "$ROOT"/processor/target/brickcheck-processor-*.jar | head -1)"
[[ -f "$RUNTIME_JAR" && -f "$RULES_JAR" && -f "$DBT_JAR" && -f "$PROCESSOR_JAR" ]] || { echo "build first: ./mvnw -B -ntp package -DskipTests" >&2; exit 1; }
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The floor: a processor that only copies pre-generated text through the Filer.
mkdir -p "$WORK/copy"
cat >"$WORK/copy/CopyProcessor.java" <<'JAVA'
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

@SupportedAnnotationTypes("io.brickcheck.DatabricksProfile")
public class CopyProcessor extends AbstractProcessor {
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement a : annotations) {
      for (Element e : round.getElementsAnnotatedWith(a)) {
        String name = e.getSimpleName() + "ConnectionFactory";
        Path pre = Path.of(System.getProperty("bench.pre"), name + ".java");
        try (Writer w = processingEnv.getFiler().createSourceFile("bench." + name, e).openWriter()) {
          w.write(Files.readString(pre));
        } catch (IOException x) {
          throw new UncheckedIOException(x);
        }
      }
    }
    return true;
  }
}
JAVA
"$JAVAC" -d "$WORK/copy" "$WORK/copy/CopyProcessor.java"

echo "javac: $("$JAVAC" -version 2>&1); runs per variant: $RUNS; cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median wall ms; variants described in this script's header"
printf '%6s %8s %10s %8s %10s %16s %15s\n' N plain factories copy processor processor/plain processor/copy
for n in "${SIZES[@]}"; do
  dir="$WORK/n$n"
  generate "$n" "$dir"
  # The generated factories, once, for the factories and copy variants.
  mkdir -p "$dir/pre"
  "$JAVAC" -proc:only -cp "$RUNTIME_JAR:$RULES_JAR:$DBT_JAR" -processorpath "$PROCESSOR_JAR:$RULES_JAR:$DBT_JAR" -s "$dir/pre" "$dir"/src/bench/*.java
  plain=()
  factories=()
  copy=()
  processor=()
  for ((r = 0; r < RUNS; r++)); do
    # Interleaved, so that noise from other load on the machine hits all three alike.
    rm -rf "$dir/out" && mkdir -p "$dir/out"
    t0=$(now_ms)
    "$JAVAC" -proc:none -cp "$RUNTIME_JAR:$RULES_JAR:$DBT_JAR" -d "$dir/out" "$dir"/src/bench/*.java
    plain+=($(($(now_ms) - t0)))

    rm -rf "$dir/out" && mkdir -p "$dir/out"
    t0=$(now_ms)
    "$JAVAC" -proc:none -cp "$RUNTIME_JAR:$RULES_JAR:$DBT_JAR" -d "$dir/out" "$dir"/src/bench/*.java "$dir"/pre/bench/*.java
    factories+=($(($(now_ms) - t0)))

    rm -rf "$dir/out" "$dir/gen" && mkdir -p "$dir/out" "$dir/gen"
    t0=$(now_ms)
    "$JAVAC" -J-Dbench.pre="$dir/pre/bench" -cp "$RUNTIME_JAR:$RULES_JAR:$DBT_JAR" -processorpath "$WORK/copy" \
      -processor CopyProcessor -d "$dir/out" -s "$dir/gen" "$dir"/src/bench/*.java
    copy+=($(($(now_ms) - t0)))

    rm -rf "$dir/out" "$dir/gen" && mkdir -p "$dir/out" "$dir/gen"
    t0=$(now_ms)
    "$JAVAC" -cp "$RUNTIME_JAR:$RULES_JAR:$DBT_JAR" -processorpath "$PROCESSOR_JAR:$RULES_JAR:$DBT_JAR" \
      -d "$dir/out" -s "$dir/gen" "$dir"/src/bench/*.java
    processor+=($(($(now_ms) - t0)))
  done
  generated=$(find "$dir/gen" -name '*ConnectionFactory.java' | wc -l)
  [[ "$generated" -eq "$n" ]] || { echo "expected $n factories, got $generated" >&2; exit 1; }
  mp=$(printf '%s\n' "${plain[@]}" | median)
  mf=$(printf '%s\n' "${factories[@]}" | median)
  mc=$(printf '%s\n' "${copy[@]}" | median)
  mx=$(printf '%s\n' "${processor[@]}" | median)
  printf '%6s %8s %10s %8s %10s %16s %15s\n' "$n" "$mp" "$mf" "$mc" "$mx" \
    "$(awk -v a="$mx" -v b="$mp" 'BEGIN {printf "%.2f", a / b}')" \
    "$(awk -v a="$mx" -v b="$mc" 'BEGIN {printf "%.2f", a / b}')"
done
