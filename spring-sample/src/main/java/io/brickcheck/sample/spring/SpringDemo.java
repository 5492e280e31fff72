package io.brickcheck.sample.spring;

import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.spring.BrickcheckDataSources;
import io.brickcheck.spring.CheckedDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot demo: starts a loopback gateway that plays a unified (SPOG) host, then this
 * application, whose only Databricks setting is {@code spring.datasource.url} in application.yml.
 * It borrows three pooled connections from Spring's HikariCP pool and shows what the gateway
 * received: every Thrift request routed to workspace 1234567890123456 by the http path and the
 * header. Exit code 0 when every request was routed, 1 otherwise.
 */
@SpringBootApplication
public class SpringDemo {
  /** The gateway's workspace: the one application.yml's ?o= names. */
  static final String WORKSPACE = "1234567890123456";
  /** A made-up token the gateway accepts; real applications set DATABRICKS_TOKEN. */
  static final String TOKEN = "dapiSPRINGDEMO00001";

  /**
   * Runs the demo.
   *
   * @param args Spring Boot's arguments ({@code --spring.profiles.active=...})
   * @throws Exception when the gateway cannot start
   */
  public static void main(String[] args) throws Exception {
    System.exit(run(System.out, args));
  }

  static int run(PrintStream out, String... args) throws Exception {
    try (FakeGateway gateway = FakeGateway.builder().hostType("unified").workspaceId(WORKSPACE)
        .personalAccessToken(TOKEN).start()) {
      try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SpringDemo.class)
          .web(WebApplicationType.NONE)
          .properties("gateway.port=" + gateway.port(), "DATABRICKS_TOKEN=" + TOKEN)
          .run(args)) {
        DataSource pool = ctx.getBean(DataSource.class);
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          held.add(pool.getConnection());
        }
        for (Connection c : held) {
          c.close();
        }
        for (CheckedDataSource checked : ctx.getBean(BrickcheckDataSources.class).all()) {
          out.println("DataSource '" + checked.beanName() + "', " + checked.property() + " from " + checked.origin());
          out.print(checked.profile().status().render());
        }
        out.println("health: " + ctx.getBean("brickcheckHealthIndicator", HealthIndicator.class).health().getStatus());
        List<RecordedRequest> thrift = gateway.requests().stream()
            .filter(r -> r.kind() == RecordedRequest.Kind.THRIFT).toList();
        boolean routed = !thrift.isEmpty();
        for (RecordedRequest r : thrift) {
          boolean ok = r.target().endsWith("?o=" + WORKSPACE) && WORKSPACE.equals(r.orgId());
          routed &= ok;
          out.println("thrift " + r.method() + " " + r.target() + "  X-Databricks-Org-Id: " + r.orgId()
              + "  " + r.status() + (ok ? "" : "  NOT ROUTED"));
        }
        out.println(routed
            ? "OK: " + thrift.size() + " Thrift requests from Spring's pool, every one routed to workspace " + WORKSPACE
            : "FAILED: a Thrift request was not routed to workspace " + WORKSPACE);
        return routed ? 0 : 1;
      }
    }
  }
}
