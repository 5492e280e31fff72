#!/usr/bin/env bash
# Build cost and cold start, side by side in one run, as ratios (issue 17). Prints the machine, the
# medians and the ratios beside the goals; judges nothing by itself (exit 0 unless a step fails).
#
# Usage (from anywhere; builds what it needs unless --no-build):
#   benchmarks/compare.sh [--quick] [--runs N] [--only annotated|realistic|cold] [--no-build]
#     --quick     3 runs, and the 500-type shape at 200 types: about 3 minutes on 2 quiet cores
#     (default)   5 runs: about 8 minutes
#     --only      one part: a build shape, or the cold starts
#
# Build cost: javac's CPU time (user + sys of the whole javac process, JVM start included) on two
# shapes, each compiled in every way below in turn within each run (A B C D E, A B C D E, ...), so
# that a change in the machine's speed hits all alike; the ratios are of the medians.
#   annotated  N types each beside a small class: N @DatabricksProfile interfaces of 4 computes, or
#              N AutoValue classes of 5 properties (N = 500; 200 with --quick)
#   realistic  1,000 ordinary classes plus 5 profiles, or plus 5 AutoValue classes
# and the ways:
#   plain       javac -proc:none on the Brickcheck sources (the ratios' base)
#   no-op       a processor for @DatabricksProfile that does nothing: what any processor costs
#   brickcheck  the Brickcheck processor (rules, dbt and processor jars on -processorpath)
#   av-plain    javac -proc:none on the AutoValue sources (AutoValue's base)
#   autovalue   AutoValue 1.11.1
# Goals: realistic brickcheck/plain <= no-op/plain + 0.02; brickcheck/plain <= autovalue/av-plain in
# both shapes.
#
# Cold start: a fresh JVM per run, the medians of RUNS (twice as many for the short ones):
#   empty JVM   a class whose main returns: the floor
#   OFF, ASYNC  benchmarks' ColdStart: one 4-compute profile and its first jdbcUrl(), in-process
#               microseconds from main (goal: 40 ms) and the process's wall time; the host
#               resolves to loopback, so the ASYNC probe never leaves the machine
#   CLI         java -jar brickcheck-cli.jar check of one profile given as flags, wall time (goal:
#               150 ms), and the same through cli/src/main/bin/brickcheck (its class-data archive
#               written by a first, uncounted run)
# and, from one extra run of each with -Xlog:class+load, the classes it loaded: all, and those not
# mapped from a class-data archive (read from a jar or the JDK's modules, or generated).
#
# Before and after in one run (issue 17): --save-baseline DIR copies what the cold starts run (the
# runtime, rules and dbt jars, ColdStart, the CLI jar and launcher) into DIR; build another commit
# and pass --baseline DIR: each cold row is then measured for both, interleaved, the baseline's
# rows marked "(baseline)".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

RUNS=5
QUICK=false
BUILD=true
ONLY=all
BASELINE=
SAVE_BASELINE=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=true; RUNS=3 ;;
    --runs) RUNS=$2; shift ;;
    --no-build) BUILD=false ;;
    --only) ONLY=$2; shift ;;
    --baseline) BASELINE=$(cd "$2" && pwd); shift ;;
    --save-baseline) SAVE_BASELINE=$2; shift ;;
    *) echo "usage: benchmarks/compare.sh [--quick] [--runs N] [--only annotated|realistic|cold] [--no-build]" \
      "[--baseline DIR] [--save-baseline DIR]" >&2; exit 2 ;;
  esac
  shift
done
N_ANNOTATED=500
$QUICK && N_ANNOTATED=200
N_ORDINARY=1000
N_REALISTIC=5

if $BUILD; then
  ./mvnw -B -ntp -q -DskipTests -Dmaven.javadoc.skip=true package -pl benchmarks,cli,processor -am
fi
jar_of() { ls "$ROOT"/$1/target/brickcheck-$1-*.jar | grep -v -- '-sources\|-javadoc' | head -1; }
RUNTIME_JAR=$(jar_of runtime)
RULES_JAR=$(jar_of rules)
DBT_JAR=$(jar_of dbt)
PROCESSOR_JAR=$(jar_of processor)
CLI_JAR=$ROOT/cli/target/brickcheck-cli.jar
AV_JAR=$ROOT/benchmarks/target/processors/auto-value.jar
AVA_JAR=$ROOT/benchmarks/target/processors/auto-value-annotations.jar
for f in "$RUNTIME_JAR" "$RULES_JAR" "$DBT_JAR" "$PROCESSOR_JAR" "$CLI_JAR" "$AV_JAR" "$AVA_JAR"; do
  [ -f "$f" ] || { echo "missing $f: run without --no-build" >&2; exit 1; }
done
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ -n "$SAVE_BASELINE" ]; then
  mkdir -p "$SAVE_BASELINE/bin"
  cp "$RUNTIME_JAR" "$RULES_JAR" "$DBT_JAR" "$CLI_JAR" "$SAVE_BASELINE/"
  rm -rf "$SAVE_BASELINE/classes" && cp -r "$ROOT/benchmarks/target/classes" "$SAVE_BASELINE/classes"
  cp "$ROOT/cli/src/main/bin/brickcheck" "$SAVE_BASELINE/bin/"
  echo "baseline saved in $SAVE_BASELINE ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
  exit 0
fi
JAVAC=${JAVA_HOME:+$JAVA_HOME/bin/}javac
USER_CP="$RUNTIME_JAR:$RULES_JAR:$DBT_JAR"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# user + sys seconds of one command (its children included); the command must succeed.
cpu() {
  local TIMEFORMAT='%3U %3S'
  if ! { time "$@" >"$WORK/last.out" 2>&1; } 2>"$WORK/time.txt"; then
    cat "$WORK/last.out" >&2
    exit 1
  fi
  awk '{printf "%.3f", $1 + $2}' "$WORK/time.txt"
}

# Wall milliseconds of one command; its output is kept in $WORK/last.out.
wall() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >"$WORK/last.out" 2>&1 || { cat "$WORK/last.out" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}

# --- sources ---------------------------------------------------------------------------------
small_class() { # $1 = class name: the "small class" beside each annotated type
  cat <<JAVA
final class $1 {
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
    StringBuilder b = new StringBuilder("$1");
    for (String t : tables()) {
      b.append(' ').append(t).append('=').append(count(t));
    }
    return b.toString();
  }
}
JAVA
}

profile_type() { # $1 = index
  local i=$1 id=$((1000000 + $1))
  cat <<JAVA
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

JAVA
}

value_type() { # $1 = index
  cat <<JAVA
package bench;

import com.google.auto.value.AutoValue;

@AutoValue
abstract class Value$1 {
  abstract String name();

  abstract String host();

  abstract int port();

  abstract long workspaceId();

  abstract java.util.List<String> computes();
}

JAVA
}

# $1 = dir; $2 = kind (profile|value); $3 = annotated count; $4 = ordinary count
generate() {
  local dir=$1/bench kind=$2 n=$3 m=$4 i
  mkdir -p "$dir"
  for ((i = 0; i < n; i++)); do
    if [ "$kind" = profile ]; then
      { profile_type "$i"; small_class "Repository$i"; } >"$dir/Profile$i.java"
    else
      { value_type "$i"; small_class "Repository$i"; } >"$dir/Value$i.java"
    fi
  done
  for ((i = 0; i < m; i++)); do
    { echo "package bench;"; echo; small_class "Ordinary$i" | sed 's/^final class/public final class/'; } >"$dir/Ordinary$i.java"
  done
}

# The no-op processor: claims @DatabricksProfile and does nothing.
mkdir -p "$WORK/noop/META-INF/services"
cat >"$WORK/noop/NoOpProcessor.java" <<'JAVA'
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

@SupportedAnnotationTypes("io.brickcheck.DatabricksProfile")
public class NoOpProcessor extends AbstractProcessor {
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return true;
  }
}
JAVA
"$JAVAC" -d "$WORK/noop" "$WORK/noop/NoOpProcessor.java"
echo NoOpProcessor >"$WORK/noop/META-INF/services/javax.annotation.processing.Processor"

# javac in one way: $1 = way, $2 = sources dir
compile() {
  local way=$1 src=$2 out="$WORK/out"
  rm -rf "$out" "$WORK/gen" && mkdir -p "$out" "$WORK/gen"
  case "$way" in
    plain) cpu "$JAVAC" -proc:none -cp "$USER_CP" -d "$out" "$src"/bench/*.java ;;
    noop) cpu "$JAVAC" -cp "$USER_CP" -processorpath "$WORK/noop" -d "$out" -s "$WORK/gen" "$src"/bench/*.java ;;
    brickcheck) cpu "$JAVAC" -cp "$USER_CP" -processorpath "$PROCESSOR_JAR:$RULES_JAR:$DBT_JAR" \
      -d "$out" -s "$WORK/gen" "$src"/bench/*.java ;;
    av-plain) cpu "$JAVAC" -proc:none -cp "$AVA_JAR" -d "$out" "$src"/bench/*.java ;;
    autovalue) cpu "$JAVAC" -cp "$AVA_JAR" -processorpath "$AV_JAR" -d "$out" -s "$WORK/gen" "$src"/bench/*.java ;;
  esac
}

WAYS=(plain noop brickcheck av-plain autovalue)
declare -A RESULTS
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $("$JAVA" -version 2>&1 | head -1)"
echo "runs: $RUNS; load average at start: $(load)"
echo
echo "== build cost: javac CPU seconds (user + sys), medians; ratios to plain (AutoValue: to av-plain)"
for shape in annotated realistic; do
  [ "$ONLY" = all ] || [ "$ONLY" = "$shape" ] || continue
  if [ "$shape" = annotated ]; then n=$N_ANNOTATED m=0; else n=$N_REALISTIC m=$N_ORDINARY; fi
  generate "$WORK/$shape-profile" profile "$n" "$m"
  generate "$WORK/$shape-value" value "$n" "$m"
  # Warm the file cache and check every way compiles, uncounted.
  for way in "${WAYS[@]}"; do
    case "$way" in av-plain | autovalue) src="$WORK/$shape-value" ;; *) src="$WORK/$shape-profile" ;; esac
    compile "$way" "$src" >/dev/null
  done
  generated=$(find "$WORK/gen" -name 'AutoValue_*.java' | wc -l)
  [ "$generated" -eq "$n" ] || { echo "AutoValue generated $generated of $n classes" >&2; exit 1; }
  for ((r = 0; r < RUNS; r++)); do
    for way in "${WAYS[@]}"; do
      case "$way" in av-plain | autovalue) src="$WORK/$shape-value" ;; *) src="$WORK/$shape-profile" ;; esac
      RESULTS[$shape.$way]+="$(compile "$way" "$src") "
    done
  done
  declare -A MED
  for way in "${WAYS[@]}"; do
    MED[$way]=$(printf '%s\n' ${RESULTS[$shape.$way]} | median)
  done
  label="$shape ($n annotated types, $m ordinary classes)"
  echo "$label"
  printf '  %-11s %8s %8s   %s\n' way "cpu s" ratio "runs"
  for way in "${WAYS[@]}"; do
    base=${MED[plain]}
    case "$way" in av-plain | autovalue) base=${MED[av-plain]} ;; esac
    printf '  %-11s %8s %8s   %s\n' "$way" "${MED[$way]}" "$(ratio "${MED[$way]}" "$base")" "${RESULTS[$shape.$way]}"
  done
  b=$(ratio "${MED[brickcheck]}" "${MED[plain]}")
  o=$(ratio "${MED[noop]}" "${MED[plain]}")
  a=$(ratio "${MED[autovalue]}" "${MED[av-plain]}")
  echo "  brickcheck $b vs autovalue $a (goal: at or below)$([ "$shape" = realistic ] && echo "; vs no-op $o + 0.02 = $(awk -v o="$o" 'BEGIN {printf "%.3f", o + 0.02}') (goal: at most)")"
  unset MED
done

if [ "$ONLY" != all ] && [ "$ONLY" != cold ]; then
  exit 0
fi
echo
echo "== cold start: fresh JVM per run, medians (load average now: $(load))"
HOSTS="$WORK/hosts"
echo "127.0.0.1 peco.azuredatabricks.net" >"$HOSTS"
mkdir -p "$WORK/empty"
echo 'public class Empty { public static void main(String[] a) {} }' >"$WORK/empty/Empty.java"
"$JAVAC" -d "$WORK/empty" "$WORK/empty/Empty.java"
CHECK=(check --host peco.azuredatabricks.net --http-path '/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492')
export XDG_CACHE_HOME="$WORK/cache"
# The variants: this build, and the baseline's when given. Each: a class path for ColdStart, a CLI
# jar and its launcher.
VARIANTS=(now)
declare -A COLD_CP CLI LAUNCHER_OF
COLD_CP[now]="$ROOT/benchmarks/target/classes:$USER_CP:$ROOT/benchmarks/target/lib/*"
CLI[now]=$CLI_JAR
LAUNCHER_OF[now]="$ROOT/cli/src/main/bin/brickcheck"
if [ -n "$BASELINE" ]; then
  VARIANTS+=(baseline)
  COLD_CP[baseline]="$BASELINE/classes:$(ls "$BASELINE"/brickcheck-runtime-*.jar):$(ls "$BASELINE"/brickcheck-rules-*.jar)"
  COLD_CP[baseline]+=":$(ls "$BASELINE"/brickcheck-dbt-*.jar):$ROOT/benchmarks/target/lib/*"
  CLI[baseline]="$BASELINE/brickcheck-cli.jar"
  LAUNCHER_OF[baseline]="$BASELINE/bin/brickcheck"
fi
launcher() { env BRICKCHECK_JAR="${CLI[$1]}" "${LAUNCHER_OF[$1]}" "${@:2}"; }
for v in "${VARIANTS[@]}"; do
  launcher "$v" "${CHECK[@]}" >/dev/null # writes the class-data archive, uncounted
done
declare -A WALL FIRST CLASSES
# "all/not archived" classes of one command, from -Xlog:class+load (an extra, uncounted run).
classes() {
  local log="$WORK/classes.log"
  rm -f "$log"
  BRICKCHECK_JAVA_OPTS="-Xlog:class+load=info:file=$log" "$@" >/dev/null 2>&1 || true
  echo "$(grep -c 'source:' "$log")/$(grep -vc 'shared objects file' "$log")"
}
for v in "${VARIANTS[@]}"; do
  CLASSES[$v.empty]=$(classes "$JAVA" -Xlog:class+load=info:file="$WORK/classes.log" -cp "$WORK/empty" Empty)
  for mode in OFF ASYNC; do
    CLASSES[$v.$mode]=$(classes "$JAVA" -Xlog:class+load=info:file="$WORK/classes.log" -Djdk.net.hosts.file="$HOSTS" \
      -cp "${COLD_CP[$v]}" io.brickcheck.benchmarks.ColdStart $mode)
  done
  CLASSES[$v.cli]=$(classes "$JAVA" -Xlog:class+load=info:file="$WORK/classes.log" -jar "${CLI[$v]}" "${CHECK[@]}")
  CLASSES[$v.launcher]=$(classes launcher "$v" "${CHECK[@]}")
done
for ((r = 0; r < RUNS * 2; r++)); do
  WALL[empty]+="$(wall "$JAVA" -cp "$WORK/empty" Empty) "
  for v in "${VARIANTS[@]}"; do
    for mode in OFF ASYNC; do
      WALL[$v.$mode]+="$(wall "$JAVA" -Djdk.net.hosts.file="$HOSTS" -cp "${COLD_CP[$v]}" io.brickcheck.benchmarks.ColdStart $mode) "
      FIRST[$v.$mode]+="$(awk '/^FIRST_URL_MICROS/ {printf "%.1f", $2 / 1000}' "$WORK/last.out") "
    done
    WALL[$v.cli]+="$(wall "$JAVA" -jar "${CLI[$v]}" "${CHECK[@]}") "
    WALL[$v.launcher]+="$(wall launcher "$v" "${CHECK[@]}") "
  done
done
row() { # $1 = label, $2 = wall runs, $3 = first-url runs or -, $4 = classes
  printf '  %-45s %8s %16s %12s   %s\n' "$1" "$(printf '%s\n' $2 | median)" \
    "$([ "$3" = - ] && echo - || printf '%s\n' $3 | median)" "$4" "$2"
}
printf '  %-45s %8s %16s %12s   %s\n' what "wall ms" "first jdbcUrl ms" "classes*" "wall runs"
row "empty JVM" "${WALL[empty]}" - "${CLASSES[now.empty]}"
for v in "${VARIANTS[@]}"; do
  tag=$([ "$v" = baseline ] && echo " (baseline)" || true)
  for mode in OFF ASYNC; do
    row "profile + jdbcUrl(), probe $mode$tag" "${WALL[$v.$mode]}" "${FIRST[$v.$mode]}" "${CLASSES[$v.$mode]}"
  done
  row "CLI check, java -jar$tag" "${WALL[$v.cli]}" - "${CLASSES[$v.cli]}"
  row "CLI check, bin/brickcheck (CDS)$tag" "${WALL[$v.launcher]}" - "${CLASSES[$v.launcher]}"
done
echo "  * classes loaded: all/not from a class-data archive (one extra run each, -Xlog:class+load)"
echo "  goals: first jdbcUrl() within 40 ms of main (OFF, ASYNC); CLI check within 150 ms wall"
echo "load average at end: $(load)"
