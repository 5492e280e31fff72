package io.brickcheck.spring;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Checks every {@code jdbc:databricks:} DataSource of the application at start-up and routes its
 * pooled connections to the workspace ({@link DatabricksDataSourcePostProcessor}). On unless {@code
 * brickcheck.enabled=false}. It refers to no class of Spring Boot's JDBC auto-configuration, which
 * Boot 4 moved: it works on whatever DataSource beans exist, however they were made.
 */
@AutoConfiguration
@ConditionalOnClass(DataSource.class)
@ConditionalOnProperty(prefix = BrickcheckProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BrickcheckProperties.class)
public class BrickcheckAutoConfiguration {

  /** Made by Spring. */
  public BrickcheckAutoConfiguration() {}

  /**
   * The post-processor that checks and routes; static, as Spring requires of a post-processor bean.
   *
   * @return the post-processor
   */
  @Bean
  public static DatabricksDataSourcePostProcessor brickcheckDataSourcePostProcessor() {
    return new DatabricksDataSourcePostProcessor();
  }

  /**
   * The DataSources checked so far, for Actuator and the application.
   *
   * @param postProcessor the post-processor that fills it
   * @return the registry
   */
  @Bean
  public BrickcheckDataSources brickcheckDataSources(DatabricksDataSourcePostProcessor postProcessor) {
    return postProcessor.registry();
  }
}
