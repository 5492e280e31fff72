package io.brickcheck.spring;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator, when the application has it: a health indicator named {@code brickcheck} (Boot 3's
 * {@code org.springframework.boot.actuate.health} or Boot 4's {@code
 * org.springframework.boot.health.contributor} interface, whichever is present) and an info
 * contributor with each checked DataSource's status block under {@code brickcheck}. {@code
 * management.health.brickcheck.enabled=false} and {@code management.info.brickcheck.enabled=false}
 * turn them off.
 */
@AutoConfiguration(after = BrickcheckAutoConfiguration.class)
@ConditionalOnBean(BrickcheckDataSources.class)
public class BrickcheckActuatorAutoConfiguration {

  /** Made by Spring. */
  public BrickcheckActuatorAutoConfiguration() {}

  /** Boot 3: {@code org.springframework.boot.actuate.health.HealthIndicator}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnProperty(name = "management.health.brickcheck.enabled", havingValue = "true", matchIfMissing = true)
  static class Boot3Health {
    @Bean
    org.springframework.boot.actuate.health.HealthIndicator brickcheckHealthIndicator(BrickcheckDataSources registry) {
      return () -> {
        BrickcheckStatus.Health h = BrickcheckStatus.health(registry);
        return (h.healthy()
                ? org.springframework.boot.actuate.health.Health.up()
                : org.springframework.boot.actuate.health.Health.down())
            .withDetails(h.details())
            .build();
      };
    }
  }

  /**
   * Boot 4: {@code org.springframework.boot.health.contributor.HealthIndicator}; only when Boot 3's
   * is absent, so that a class path holding both (this module's own tests) gets one indicator.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnMissingClass("org.springframework.boot.actuate.health.HealthIndicator")
  @ConditionalOnProperty(name = "management.health.brickcheck.enabled", havingValue = "true", matchIfMissing = true)
  static class Boot4Health {
    @Bean
    org.springframework.boot.health.contributor.HealthIndicator brickcheckHealthIndicator(BrickcheckDataSources registry) {
      return () -> {
        BrickcheckStatus.Health h = BrickcheckStatus.health(registry);
        return (h.healthy()
                ? org.springframework.boot.health.contributor.Health.up()
                : org.springframework.boot.health.contributor.Health.down())
            .withDetails(h.details())
            .build();
      };
    }
  }

  /** {@code /actuator/info}: {@code brickcheck -> {<bean name> -> <status block>}}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.info.InfoContributor")
  @ConditionalOnProperty(name = "management.info.brickcheck.enabled", havingValue = "true", matchIfMissing = true)
  static class Info {
    @Bean
    InfoContributor brickcheckInfoContributor(BrickcheckDataSources registry) {
      return builder -> builder.withDetail("brickcheck", BrickcheckStatus.info(registry));
    }
  }
}
