package io.brickcheck.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.brickcheck.BrickcheckOptions;
import io.brickcheck.Credentials;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.Profile;
import io.brickcheck.internal.rules.ComputeNames;
import io.brickcheck.internal.rules.JdbcUrl;
import io.brickcheck.internal.rules.JdbcUrlParser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks every {@code jdbc:databricks:} (or legacy {@code jdbc:spark:}) DataSource bean once it is
 * fully bound, with the rule engine behind {@link Profile#jdbcUrlBuilder} (the one {@code check
 * --jdbc-url} and the annotation processor use), and routes a HikariCP one through {@link
 * DatabricksConnection#dataSource(Credentials)}.
 *
 * <p>It runs after Spring's own binding ({@code @ConfigurationProperties} beans are bound before
 * initialisation, this runs after it), so placeholders such as {@code ${DATABRICKS_HTTP_PATH}} are
 * already resolved. The URL's property is found among the candidates in order: the URL of a bound
 * {@code DataSourceProperties} bean ({@code <prefix>.url}; Boot 3 and Boot 4 place that class in
 * different packages, so it is recognised by name), the DataSource's own {@code <prefix>.jdbc-url}
 * or {@code <prefix>.url}, then {@code spring.datasource.url}; its origin (file, line, column) is
 * Spring's {@code Origin} of that property.
 *
 * <p>Errors throw {@link DatabricksDataSourceException} (Spring stops and {@link
 * DatabricksDataSourceFailureAnalyzer} reports it); warnings are logged once per process by the
 * runtime, on the logger {@code io.brickcheck}.
 */
public final class DatabricksDataSourcePostProcessor implements BeanPostProcessor, ApplicationContextAware, Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(DatabricksDataSourcePostProcessor.class);
  private static final List<String> PREFIXES = List.of("jdbc:databricks:", "jdbc:spark:");
  /** databricks-jdbc's driver class, which the starter brings. */
  static final String DRIVER = "com.databricks.client.jdbc.Driver";
  private static final Set<String> DATA_SOURCE_PROPERTIES = Set.of(
      "org.springframework.boot.autoconfigure.jdbc.DataSourceProperties", // Boot 3
      "org.springframework.boot.jdbc.autoconfigure.DataSourceProperties"); // Boot 4

  private final BrickcheckDataSources registry = new BrickcheckDataSources();
  private ApplicationContext context;
  private volatile BrickcheckProperties properties;

  /** Made by {@link BrickcheckAutoConfiguration}. */
  public DatabricksDataSourcePostProcessor() {}

  @Override
  public void setApplicationContext(ApplicationContext applicationContext) {
    this.context = applicationContext;
  }

  /** After Spring's binding and every other post-processor that may replace the bean. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  BrickcheckDataSources registry() {
    return registry;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    if (isDataSourceProperties(bean.getClass())) {
      String url = stringGetter(bean, "getUrl");
      String prefix = prefixOf(bean, beanName);
      if (isDatabricks(url) && prefix != null) {
        registry.boundUrl(url, prefix + ".url");
      }
      if (url != null && url.regionMatches(true, 0, PREFIXES.get(0), 0, PREFIXES.get(0).length())
          && stringGetter(bean, "getDriverClassName") == null) {
        // Spring Boot's DatabaseDriver table does not know jdbc:databricks: ("Failed to determine
        // a suitable driver class"); the starter names the driver it brings, unless the
        // application named one.
        setDriverClassName(bean);
      }
      return bean;
    }
    if (!(bean instanceof DataSource)) {
      return bean;
    }
    String url = bean instanceof HikariDataSource h ? h.getJdbcUrl() : urlOf(bean);
    if (!isDatabricks(url)) {
      return bean;
    }
    check(bean, beanName, url);
    return bean;
  }

  private void check(Object bean, String beanName, String url) {
    String property = propertyOf(bean, beanName, url);
    String origin = property == null ? null : originOf(property);
    BrickcheckProperties props = properties();
    BrickcheckOptions options = props.toOptions();
    Profile profile;
    try {
      profile = Profile.jdbcUrlBuilder(beanName, url).build(options);
      // Asks the host what it is now (ASYNC: without waiting), so that the health indicator has an
      // answer and strict mode fails start-up rather than the first query.
      profile.open(ComputeNames.DEFAULT);
    } catch (DatabricksProfileException e) {
      throw new DatabricksDataSourceException(e.problems(), beanName, property, origin, redacted(url));
    }
    CheckedDataSource checked = new CheckedDataSource(beanName, property, origin, profile);
    if (bean instanceof HikariDataSource hikari) {
      route(hikari, profile.connection(ComputeNames.DEFAULT), props);
    } else {
      LOG.warn("Brickcheck checked DataSource '{}' ({}) but cannot route a {}: only HikariCP's pool gets"
          + " the workspace header and the secret outside the URL. Use Spring Boot's default pool.",
          beanName, where(checked), bean.getClass().getName());
    }
    registry.add(checked);
    LOG.info("Brickcheck checked DataSource '{}' ({}): workspace {}, {} warning(s)", beanName, where(checked),
        profile.workspaceId().orElse("none"), profile.warnings().size());
  }

  private static String where(CheckedDataSource c) {
    return (c.property() == null ? "URL" : c.property()) + (c.origin() == null ? "" : " from " + c.origin());
  }

  /**
   * The pool keeps every Hikari setting the application made; only where its connections come from
   * changes: {@link DatabricksConnection#dataSource(Credentials)}, whose URL carries the http path as
   * written and the workspace header, with the secret in the driver properties only. The pool's
   * own URL, user name and password are cleared so that none of them reaches the driver or a log.
   */
  private static void route(HikariDataSource hikari, DatabricksConnection connection, BrickcheckProperties props) {
    Credentials credentials = credentials(hikari.getUsername(), hikari.getPassword(), props.getCredentials());
    hikari.setDataSource(connection.dataSource(credentials));
    hikari.setJdbcUrl(null);
    hikari.setUsername(null);
    hikari.setPassword(null);
  }

  static Credentials credentials(String username, String password, BrickcheckProperties.CredentialsKind kind) {
    boolean hasPassword = password != null && !password.isBlank();
    if (kind == BrickcheckProperties.CredentialsKind.OAUTH_M2M) {
      if (!hasPassword || username == null || username.isBlank()) {
        throw new IllegalStateException("brickcheck.credentials=OAUTH_M2M needs spring.datasource.username"
            + " (the OAuth client id) and spring.datasource.password (its secret). Set both.");
      }
      return Credentials.oauthM2M(username.strip(), password.strip());
    }
    return hasPassword ? Credentials.token(password.strip()) : Credentials.fromEnvironment();
  }

  private BrickcheckProperties properties() {
    BrickcheckProperties p = properties;
    if (p == null) {
      // Bound here, not injected: a post-processor created early must not pull other beans in.
      p = Binder.get(context.getEnvironment())
          .bindOrCreate(BrickcheckProperties.PREFIX, BrickcheckProperties.class);
      properties = p;
    }
    return p;
  }

  private String propertyOf(Object bean, String beanName, String url) {
    List<String> candidates = new ArrayList<>();
    String bound = registry.propertyOf(url);
    if (bound != null) {
      candidates.add(bound);
    }
    String prefix = prefixOf(bean, beanName);
    if (prefix != null) {
      candidates.add(prefix + ".jdbc-url");
      candidates.add(prefix + ".url");
    }
    candidates.add("spring.datasource.url");
    for (String candidate : candidates) {
      if (url.equals(context.getEnvironment().getProperty(candidate))) {
        return candidate;
      }
    }
    return null;
  }

  /** The {@code @ConfigurationProperties} prefix the bean was bound with, or null. */
  private String prefixOf(Object bean, String beanName) {
    if (context == null) {
      return null;
    }
    try {
      ConfigurationPropertiesBean cp = ConfigurationPropertiesBean.get(context, bean, beanName);
      if (cp == null) {
        return null;
      }
      String prefix = cp.getAnnotation().prefix();
      return prefix.isEmpty() ? cp.getAnnotation().value() : prefix;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Where the property was set, as Spring shows it ({@code class path resource [application.yml] - 3:10}). */
  private String originOf(String property) {
    if (!(context.getEnvironment() instanceof ConfigurableEnvironment env)) {
      return null;
    }
    ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(env)) {
      ConfigurationProperty found = source.getConfigurationProperty(name);
      if (found != null && found.getOrigin() != null) {
        return found.getOrigin().toString();
      }
    }
    return null;
  }

  private static String redacted(String url) {
    JdbcUrl parsed = JdbcUrlParser.parse(url).url();
    return parsed == null ? null : parsed.redacted();
  }

  static boolean isDatabricks(String url) {
    if (url == null) {
      return false;
    }
    for (String prefix : PREFIXES) {
      if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDataSourceProperties(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (DATA_SOURCE_PROPERTIES.contains(c.getName())) {
        return true;
      }
    }
    return false;
  }

  /** The URL of a pool other than HikariCP, read from its public {@code getJdbcUrl()} or {@code getUrl()}. */
  private static String urlOf(Object bean) {
    String url = stringGetter(bean, "getJdbcUrl");
    return url != null ? url : stringGetter(bean, "getUrl");
  }

  private static void setDriverClassName(Object bean) {
    try {
      bean.getClass().getMethod("setDriverClassName", String.class).invoke(bean, DRIVER);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("cannot name the driver on {}", bean.getClass().getName(), e);
    }
  }

  private static String stringGetter(Object bean, String name) {
    try {
      Method m = bean.getClass().getMethod(name);
      if (m.getReturnType() == String.class && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
        return (String) m.invoke(bean);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // not a getter this pool has
    }
    return null;
  }
}
