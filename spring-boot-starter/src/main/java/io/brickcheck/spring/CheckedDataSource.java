package io.brickcheck.spring;

import io.brickcheck.Profile;
import java.util.Objects;

/**
 * One {@code jdbc:databricks:} DataSource the starter checked and routed.
 *
 * @param beanName the DataSource's bean name
 * @param property the property its URL was read from, or null when unknown
 * @param origin where that property was set, as Spring's {@code Origin} shows it, or null
 * @param profile the checked profile (its {@code default} compute is the URL's {@code httpPath})
 */
public record CheckedDataSource(String beanName, String property, String origin, Profile profile) {
  /**
   * Checks that the bean name and the profile are present.
   *
   * @param beanName the DataSource's bean name
   * @param property the property its URL was read from, or null
   * @param origin where that property was set, or null
   * @param profile the checked profile
   */
  public CheckedDataSource {
    Objects.requireNonNull(beanName, "beanName");
    Objects.requireNonNull(profile, "profile");
  }
}
