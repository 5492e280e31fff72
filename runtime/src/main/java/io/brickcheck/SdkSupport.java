package io.brickcheck;

import com.databricks.sdk.core.DatabricksConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Builds the Databricks SDK's {@link DatabricksConfig}. Only loaded when the SDK is on the
 * classpath (callers check {@link #isPresent()} first), so users without the SDK never need it.
 *
 * <p>{@code setWorkspaceId} appeared in databricks-sdk-java 0.79; it is looked up once, by
 * reflection, so that an older SDK gives {@code UnsupportedSdk} instead of a linkage error.
 */
final class SdkSupport {
  static final String CONFIG_CLASS = "com.databricks.sdk.core.DatabricksConfig";
  static final String COORDINATES = "com.databricks:databricks-sdk-java";
  static final String RECOMMENDED = "0.141.0";

  private SdkSupport() {}

  static boolean isPresent() {
    return Presence.PRESENT;
  }

  /** True when this SDK can carry a workspace id. */
  static boolean canSetWorkspaceId() {
    return WorkspaceIdSetter.METHOD != null;
  }

  /**
   * True when this SDK gives its current auth headers ({@code Map<String, String>
   * DatabricksConfig.authenticate()}), which {@code Credentials.fromSdk()} needs (0.77.0 and
   * 0.141.0 have it; looked up so that an SDK without it gets a clear error, not a linkage error).
   */
  static boolean canAuthenticate() {
    return Authenticator.PRESENT;
  }

  /** The SDK's version, from its jar manifest or Maven metadata, or null. */
  static String version() {
    return Presence.VERSION;
  }

  /** {@return a new SDK configuration for {@code baseUrl}, with the workspace id when not null} */
  static DatabricksConfig config(String baseUrl, String workspaceId) {
    DatabricksConfig config = new DatabricksConfig().setHost(baseUrl);
    if (workspaceId != null) {
      setWorkspaceId(config, workspaceId);
    }
    return config;
  }

  /** {@code config.setWorkspaceId(workspaceId)}; call only when {@link #canSetWorkspaceId()}. */
  static void setWorkspaceId(DatabricksConfig config, String workspaceId) {
    try {
      WorkspaceIdSetter.METHOD.invoke(config, workspaceId);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("DatabricksConfig.setWorkspaceId failed: " + e.getCause(), e);
    }
  }

  private static final class Presence {
    static final boolean PRESENT = load() != null;
    static final String VERSION = PRESENT ? versionOf(load()) : null;

    private static Class<?> load() {
      try {
        return Class.forName(CONFIG_CLASS, false, SdkSupport.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        return null;
      }
    }

    private static String versionOf(Class<?> type) {
      return Versions.of(type, "com.databricks", "databricks-sdk-java");
    }
  }

  private static final class Authenticator {
    static final boolean PRESENT = find();

    private static boolean find() {
      if (!isPresent()) {
        return false;
      }
      try {
        return java.util.Map.class.isAssignableFrom(DatabricksConfig.class.getMethod("authenticate").getReturnType());
      } catch (NoSuchMethodException e) {
        return false;
      }
    }
  }

  private static final class WorkspaceIdSetter {
    static final Method METHOD = find();

    private static Method find() {
      if (!isPresent()) {
        return null;
      }
      try {
        return DatabricksConfig.class.getMethod("setWorkspaceId", String.class);
      } catch (NoSuchMethodException e) {
        return null;
      }
    }
  }
}
