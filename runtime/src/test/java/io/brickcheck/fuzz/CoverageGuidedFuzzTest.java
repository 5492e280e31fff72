package io.brickcheck.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.brickcheck.HostKind;
import io.brickcheck.internal.rules.ComputeSpec;
import io.brickcheck.internal.rules.ProfileSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzz targets (Jazzer) for the rule engine and the dbt reader, with the same
 * properties as {@link ParserFuzzTest}: no exception, the same answer twice, canonical ids, tagged
 * one-line messages.
 *
 * <p>In the normal suite these run in Jazzer's regression mode: every input under
 * {@code src/test/resources/io/brickcheck/fuzz/CoverageGuidedFuzzTestInputs/<target>/} (the seeds
 * and every crash a long run found) plus an empty input. A long, coverage-guided run of one target
 * ({@code docs/reliability.md} gives the figures):
 * {@code JAZZER_FUZZ=1 ./mvnw -B -ntp -o test -pl gateway,runtime -Djacoco.skip=true
 * -Dtest=CoverageGuidedFuzzTest#httpPaths -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("jazzer")
class CoverageGuidedFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void httpPaths(String input) {
    ParserFuzzTest.httpPathProperties(input);
  }

  @FuzzTest(maxDuration = "60s")
  void hosts(String input) {
    ParserFuzzTest.hostProperties(input);
  }

  @FuzzTest(maxDuration = "60s")
  void profiles(FuzzedDataProvider data) {
    HostKind kind = data.pickValue(HostKind.values());
    String host = data.consumeString(80);
    String defaultPath = data.consumeString(120);
    List<ComputeSpec> computes = new ArrayList<>();
    for (int i = data.consumeInt(0, 3); i > 0; i--) {
      computes.add(new ComputeSpec(data.consumeString(20), data.consumeString(120)));
    }
    ParserFuzzTest.profileProperties(new ProfileSpec("p", host, kind.classification(), defaultPath, computes));
  }

  @FuzzTest(maxDuration = "60s")
  void dbtProfiles(String yaml) {
    ParserFuzzTest.dbtYamlProperties(yaml);
  }
}
