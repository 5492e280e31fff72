package io.brickcheck.spring;

import com.google.gson.Gson;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.Profile;
import io.brickcheck.ProfileStatus;
import io.brickcheck.internal.rules.ComputeNames;
import io.brickcheck.rules.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the health indicators (Boot 3 and Boot 4 each have their own interface) and the info
 * contributor show of the checked DataSources: each one's status block ({@link ProfileStatus#toJson()})
 * as a map, and whether any has an error. Holds no secret: the status block never shows one.
 */
final class BrickcheckStatus {
  private static final Gson GSON = new Gson();

  private BrickcheckStatus() {}

  /**
   * The health of every checked DataSource.
   *
   * @param healthy false when a DataSource's host answered something that is an error (such as
   *     {@code HostWorkspaceMismatch}); a failed or pending probe is not unhealthy, only shown
   * @param details by bean name: {@code property}, {@code origin}, {@code probe} ({@code answered},
   *     {@code no-discovery}, {@code failed}, {@code pending} or {@code off}), {@code problems} and
   *     {@code status} (the status block)
   */
  record Health(boolean healthy, Map<String, Object> details) {}

  static Health health(BrickcheckDataSources registry) {
    boolean healthy = true;
    Map<String, Object> details = new LinkedHashMap<>();
    for (CheckedDataSource c : registry.all()) {
      Map<String, Object> one = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      try {
        // Re-asks the host once its answer expired (ASYNC: without waiting).
        c.profile().open(ComputeNames.DEFAULT);
      } catch (DatabricksProfileException e) {
        healthy = false;
        e.problems().forEach(p -> problems.add(p.message()));
      }
      ProfileStatus status = c.profile().status();
      for (Problem p : status.problems()) {
        if (p.isError()) {
          healthy = false;
        }
        if (!problems.contains(p.message())) {
          problems.add(p.message());
        }
      }
      one.put("property", c.property());
      one.put("origin", c.origin());
      one.put("probe", probe(c.profile(), status));
      one.put("problems", problems);
      one.put("status", json(status));
      details.put(c.beanName(), one);
    }
    return new Health(healthy, details);
  }

  static Map<String, Object> info(BrickcheckDataSources registry) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CheckedDataSource c : registry.all()) {
      out.put(c.beanName(), json(c.profile().status()));
    }
    return out;
  }

  private static String probe(Profile profile, ProfileStatus status) {
    if (profile.options().probeMode() == io.brickcheck.ProbeMode.OFF) {
      return "off";
    }
    return status.probe()
        .map(r -> switch (r.result()) {
          case ANSWERED -> "answered";
          case NO_DISCOVERY -> "no-discovery";
          case FAILED -> "failed";
        })
        .orElse("pending");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(ProfileStatus status) {
    return GSON.fromJson(status.toJson(), Map.class);
  }
}
