package io.brickcheck.internal.cfg;

import io.brickcheck.internal.rules.ProfileReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rule engine's report on a profile from {@code .databrickscfg} or the environment, and where
 * each of its values came from (for the status block).
 *
 * @param report the report; its problems start with the origin of the value each is about
 * @param origins what each value of the profile was made from, such as {@code host ->
 *     ~/.databrickscfg:3:8} or {@code compute default -> warehouse_id at env:DATABRICKS_WAREHOUSE_ID,
 *     ?o= from workspace_id at ~/.databrickscfg:4:16}; secrets as presence only
 */
public record CfgReport(ProfileReport report, Map<String, String> origins) {
  /**
   * Copies the map, keeping its order.
   *
   * @param report the report
   * @param origins what each value was made from
   */
  public CfgReport {
    origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
  }
}
