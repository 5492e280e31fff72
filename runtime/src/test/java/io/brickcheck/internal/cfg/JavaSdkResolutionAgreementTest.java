package io.brickcheck.internal.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.utils.Environment;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link DatabricksCfg#fromEnvironment} against databricks-sdk-java's own resolution (its
 * package-private {@code DatabricksConfig.resolve(Environment)}, which runs {@code ConfigLoader}):
 * for each environment and file, the host, workspace id and cluster id Brickcheck resolves, and
 * where from, are the ones the SDK resolves.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JavaSdkResolutionAgreementTest {
  static final String FILE = "[DEFAULT]\nhost = https://default.example.com\nworkspace_id = 1\n"
      + "[prod]\nhost = https://prod.example.com\nworkspace_id = 2\ncluster_id = c-file\ntoken = dapiFILE\n";

  @TempDir Path home;

  static Stream<Arguments> environments() {
    return Stream.of(
        Arguments.of(Map.of()),
        Arguments.of(Map.of("DATABRICKS_CONFIG_PROFILE", "prod")),
        Arguments.of(Map.of("DATABRICKS_HOST", "https://env.example.com")),
        Arguments.of(Map.of("DATABRICKS_HOST", "https://env.example.com", "DATABRICKS_CONFIG_PROFILE", "prod")),
        Arguments.of(Map.of("DATABRICKS_WORKSPACE_ID", "3")),
        Arguments.of(Map.of("DATABRICKS_TOKEN", "dapiENV")),
        Arguments.of(Map.of("DATABRICKS_CLUSTER_ID", "c-env", "DATABRICKS_CONFIG_PROFILE", "prod")),
        Arguments.of(Map.of("DATABRICKS_CLIENT_ID", "sp", "DATABRICKS_CLIENT_SECRET", "s", "DATABRICKS_CLUSTER_ID", "c")),
        Arguments.of(Map.of("DATABRICKS_HOST", "", "DATABRICKS_WORKSPACE_ID", "4")),
        Arguments.of(Map.of("DATABRICKS_CONFIG_FILE", "~/other.cfg", "DATABRICKS_CONFIG_PROFILE", "prod")));
  }

  @ParameterizedTest
  @MethodSource("environments")
  void brickcheckResolvesWhatTheSdkResolves(Map<String, String> given) throws Exception {
    CfgFiles.write(home, ".databrickscfg", FILE);
    CfgFiles.write(home, "other.cfg", FILE.replace("prod.example.com", "other.example.com"));
    Map<String, String> env = new HashMap<>(given);
    env.put("HOME", home.toString());

    DatabricksConfig sdk = new DatabricksConfig();
    Method resolve = DatabricksConfig.class.getDeclaredMethod("resolve", Environment.class);
    resolve.setAccessible(true);
    resolve.invoke(sdk, new Environment(env, List.of(), "linux"));

    DatabricksSettings ours = DatabricksCfg.fromEnvironment(env, null).settings();
    assertThat(ours.get("host").map(s -> "https://" + s.value().replaceFirst("^https://", "")).orElse(null))
        .as("host").isEqualTo(sdk.getHost());
    assertThat(ours.value("workspace_id")).as("workspace_id").isEqualTo(sdk.getWorkspaceId());
    assertThat(ours.value("cluster_id")).as("cluster_id").isEqualTo(sdk.getClusterId());
    assertThat(ours.get("token").isPresent()).as("token present").isEqualTo(sdk.getToken() != null);
  }

  /** The claim of WorkspaceIdOnHost, checked on the SDK itself: it keeps the host and drops the id. */
  @org.junit.jupiter.api.Test
  void theJavaSdkDropsAWorkspaceIdOnTheHostWhichBrickcheckCarries() throws Exception {
    CfgFiles.write(home, ".databrickscfg", "[spog]\nhost = https://peco.azuredatabricks.net/?o=6436897454825492\n"
        + "warehouse_id = abc\n");
    Map<String, String> env = Map.of("HOME", home.toString(), "DATABRICKS_CONFIG_PROFILE", "spog");
    DatabricksConfig sdk = new DatabricksConfig();
    Method resolve = DatabricksConfig.class.getDeclaredMethod("resolve", Environment.class);
    resolve.setAccessible(true);
    resolve.invoke(sdk, new Environment(env, List.of(), "linux"));

    assertThat(sdk.getHost()).isEqualTo("https://peco.azuredatabricks.net");
    assertThat(sdk.getWorkspaceId()).isNull();
    CfgReport ours = DatabricksCfg.fromEnvironment(env, null).check(io.brickcheck.HostKind.AUTO.classification());
    assertThat(ours.report().workspaceId()).isEqualTo("6436897454825492");
    assertThat(ours.report().problems()).extracting(io.brickcheck.rules.Problem::code)
        .containsExactly(io.brickcheck.rules.Code.WorkspaceIdOnHost);
  }
}
