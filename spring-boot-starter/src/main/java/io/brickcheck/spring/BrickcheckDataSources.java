package io.brickcheck.spring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The {@code jdbc:databricks:} DataSources of the application context that the starter checked,
 * by bean name: what the health indicator and the info contributor report. Thread-safe.
 */
public final class BrickcheckDataSources {
  private final Map<String, CheckedDataSource> byBean = new ConcurrentSkipListMap<>();
  /** DataSourceProperties-like beans seen: their URL and the property it was bound from. */
  private final Map<String, String> propertyByUrl = new ConcurrentHashMap<>();

  BrickcheckDataSources() {}

  void add(CheckedDataSource checked) {
    byBean.put(checked.beanName(), checked);
  }

  void boundUrl(String url, String property) {
    propertyByUrl.putIfAbsent(url, property);
  }

  String propertyOf(String url) {
    return propertyByUrl.get(url);
  }

  /**
   * Every checked DataSource, by bean name.
   *
   * @return the checked DataSources, ordered by bean name
   */
  public List<CheckedDataSource> all() {
    return List.copyOf(byBean.values());
  }
}
