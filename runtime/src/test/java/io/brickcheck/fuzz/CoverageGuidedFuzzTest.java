package io.brickcheck.fuzz;

import static io.brickcheck.fuzz.ParserFuzzTest.assertSafe;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.brickcheck.HostKind;
import io.brickcheck.dbt.DbtProfiles;
import io.brickcheck.dbt.DbtProfilesFile;
import io.brickcheck.rules.ComputeSpec;
import io.brickcheck.rules.HostParser;
import io.brickcheck.rules.HostResult;
import io.brickcheck.rules.HttpPathParser;
import io.brickcheck.rules.HttpPathResult;
import io.brickcheck.rules.ProfileChecker;
import io.brickcheck.rules.ProfileReport;
import io.brickcheck.rules.ProfileSpec;
import java.util.ArrayList;
import java.util.List;

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
class CoverageGuidedFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void httpPaths(String input) {
    HttpPathResult first = HttpPathParser.parse(input);
    assertThat(HttpPathParser.parse(input)).isEqualTo(first);
    assertThat(first.workspaceId() == null || first.workspaceId().matches("0|[1-9][0-9]{0,18}")).isTrue();
    assertSafe(first.problems());
  }

  @FuzzTest(maxDuration = "60s")
  void hosts(String input) {
    HostResult first = HostParser.parse(input);
    assertThat(HostParser.parse(input)).isEqualTo(first);
    assertThat(first.host() == null).isEqualTo(first.hasErrors());
    if (first.host() != null) {
      assertThat(okhttp3.HttpUrl.parse(first.host().baseUrl())).as("base URL of %s", input).isNotNull();
    }
    assertSafe(first.problems());
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
    ProfileSpec spec = new ProfileSpec("p", host, kind, defaultPath, computes);
    ProfileReport first = ProfileChecker.check(spec);
    assertThat(ProfileChecker.check(spec)).isEqualTo(first);
    assertSafe(first.problems());
    assertThat(first.workspaceId() == null || first.workspaceId().matches("0|[1-9][0-9]{0,18}")).isTrue();
  }

  @FuzzTest(maxDuration = "60s")
  void dbtProfiles(String yaml) {
    DbtProfilesFile first = DbtProfiles.parse(yaml, "profiles.yml");
    DbtProfilesFile again = DbtProfiles.parse(yaml, "profiles.yml");
    assertThat(again.problems()).isEqualTo(first.problems());
    assertThat(again.profileNames()).isEqualTo(first.profileNames());
    assertSafe(first.problems());
    for (String profile : first.profileNames()) {
      assertSafe(first.select(profile, null).checkStatically(HostKind.AUTO).problems());
    }
  }
}
