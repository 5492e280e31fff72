package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DatabricksConnection#dataSource(Credentials)} in a real HikariCP pool against the loopback
 * gateway and the real databricks-jdbc driver: every pooled connection carries the workspace routing.
 */
class PooledDataSourceTest {
  static final String PAT = "dapiPOOLSECRET0001";
  static final BrickcheckOptions NO_PROBE = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  FakeGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  List<RecordedRequest> thrift() {
    return gateway.requests().stream().filter(r -> r.kind() == RecordedRequest.Kind.THRIFT).toList();
  }

  @Test
  void everyPooledConnectionIsRoutedToTheWorkspace() throws Exception {
    gateway = FakeGateway.builder().hostType("unified").personalAccessToken(PAT).start();
    Profile profile = Profile.builder("pool", gateway.baseUrl())
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId())
        .compute("cluster", "sql/protocolv1/o/" + gateway.workspaceId() + "/0123-456789-abcdefgh")
        .build(NO_PROBE);

    for (String compute : profile.computeNames()) {
      DatabricksConnection target = profile.open(compute);
      HikariConfig config = new HikariConfig();
      config.setDataSource(target.dataSource(Credentials.token(PAT)));
      config.setPoolName("brickcheck-" + compute);
      config.setMaximumPoolSize(3);
      config.setConnectionTimeout(30_000);
      try (HikariDataSource pool = new HikariDataSource(config)) {
        // Three at once: the pool must open three driver connections.
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          held.add(pool.getConnection());
        }
        for (Connection c : held) {
          assertThat(c.isClosed()).isFalse();
          c.close();
        }
        try (Connection again = pool.getConnection()) {
          assertThat(again.isClosed()).isFalse();
        }
        assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(3);
      }
      List<RecordedRequest> thrift = thrift();
      assertThat(thrift.stream().filter(r -> r.status() == 200)).hasSizeGreaterThanOrEqualTo(3);
      assertThat(thrift).allSatisfy(r -> {
        assertThat(r.target()).isEqualTo("/" + target.httpPath().replaceFirst("^/", ""));
        assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
      });
      gateway.clearRequests();
    }
  }

  @Test
  void theDataSourceKeepsItsCredentialsToItself() {
    Profile profile = Profile.builder("pool", "peco.azuredatabricks.net")
        .defaultHttpPath("/sql/1.0/warehouses/a?o=42").build(NO_PROBE);
    DataSource source = profile.connection("default").dataSource(Credentials.token(PAT));

    assertThat(source.toString()).doesNotContain(PAT).contains("credentials=TOKEN");
    assertThatThrownBy(() -> source.getConnection("token", PAT))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessageNotContaining(PAT);
  }
}
