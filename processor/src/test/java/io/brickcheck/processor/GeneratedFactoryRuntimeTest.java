package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.rules.WorkspaceIdSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads the generated factories from their class files and calls them, as a user would. */
class GeneratedFactoryRuntimeTest {
  private static ClassLoader loader;

  @BeforeAll
  static void compileAndLoad() {
    loader = Sources.load(Sources.javac().compile(Sources.good()));
  }

  /** The probe stays off: these hosts are not on this machine, and tests talk to loopback only. */
  static final BrickcheckOptions NO_PROBE = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  private static Object create(String factory) throws Exception {
    return loader.loadClass(factory).getMethod("create", BrickcheckOptions.class).invoke(null, NO_PROBE);
  }

  private static Object call(Object target, String method, Object... args) throws Exception {
    Class<?>[] types = new Class<?>[args.length];
    java.util.Arrays.fill(types, String.class);
    Method m = target.getClass().getMethod(method, types);
    return m.invoke(target, args);
  }

  @Test
  void openMethodsReturnTheResolvedConnectionOfEachCompute() throws Exception {
    Object factory = create("com.example.AnalyticsConnectionFactory");
    Profile expected =
        Profile.builder("analytics", "peco.azuredatabricks.net")
            .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492")
            .compute("etl", "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=6436897454825492")
            .compute("nightly-batch", "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh")
            .build();

    assertThat(call(factory, "openDefault")).isEqualTo(expected.connection("default"));
    assertThat(call(factory, "openEtl")).isEqualTo(expected.connection("etl"));
    DatabricksConnection batch = (DatabricksConnection) call(factory, "openNightlyBatch");
    assertThat(batch).isEqualTo(expected.connection("nightly-batch"));
    assertThat(batch.workspaceIdSource()).isEqualTo(WorkspaceIdSource.CLUSTER_PATH);
    assertThat(call(factory, "open", "etl")).isSameInstanceAs(call(factory, "openEtl"));
    assertThat(loader.loadClass("com.example.AnalyticsConnectionFactory").getMethod("computeNames").invoke(null))
        .isEqualTo(List.of("default", "etl", "nightly-batch"));
  }

  @Test
  void openByUnknownNameThrowsListingTheValidNames() throws Exception {
    Object factory = create("com.example.AnalyticsConnectionFactory");
    InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> call(factory, "open", "ETL"));
    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.getCause()).hasMessageThat().endsWith("Valid names: default, etl, nightly-batch");
  }

  @Test
  void fieldFormFactoryExposesCanonicalWorkspaceIdAndDeclaredPath() throws Exception {
    Class<?> type = loader.loadClass("com.example.AnalyticsProdConnectionFactory");
    DatabricksConnection c = (DatabricksConnection) call(create(type.getName()), "openDefault");
    assertThat(c.profileName()).isEqualTo("ANALYTICS_PROD");
    assertThat(c.httpPath()).isEqualTo("/sql/1.0/endpoints/feedfacecafe0001?o=006436897454825492");
    assertThat(c.workspaceId()).hasValue("6436897454825492");
    assertThat(type.getField("DEFAULT_WORKSPACE_ID").get(null)).isEqualTo("6436897454825492");
    assertThat(type.getField("HOST").get(null)).isEqualTo("peco.azuredatabricks.net");
  }

  @Test
  void factoriesArePublicFinalWithAPrivateConstructor() throws Exception {
    Class<?> type = loader.loadClass("com.example.LegacyClusterConnectionFactory");
    assertThat(Modifier.isFinal(type.getModifiers())).isTrue();
    assertThat(type.getConstructors()).isEmpty();
    DatabricksConnection c = (DatabricksConnection) call(create(type.getName()), "openDefault");
    assertThat(c.host().name()).isEqualTo("adb-6436897454825492.12.azuredatabricks.net");
    assertThat(c.workspaceId()).hasValue("6436897454825492");
  }
}
