package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.internal.rules.HttpPathParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, security: no declared string reaches an HTTP header or the JDBC URL's properties unless it
 * is a validated id. Seeded generators (override with {@code -Dbrickcheck.seed=N}) build profiles from
 * hostile http paths and host spellings against a loopback {@link FakeGateway}; every profile the
 * rule engine accepts is then used for real REST calls, and the headers the gateway saw must be
 * canonical digits, and never reach another host, {@code /oidc/} or {@code /.well-known/}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeaderInjectionTest {
  static final long SEED = Long.getLong("brickcheck.seed", 7_2026_11_25L);
  static final int TRIES = Integer.getInteger("brickcheck.tries", 1_500);
  static final String CANONICAL = "0|[1-9][0-9]{0,18}";
  static final Set<String> JDBC_KEYS = Set.of("transportMode", "ssl", "httpPath", JdbcSupport.ORG_ID_URL_HEADER);

  static final String[] PIECES = {
    "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8", "sql/protocolv1/o/", "/0123-456789-abcdefgh", "?o=", "&o=", "?O=",
    "o=", "=", "&", "?", "/", ";", ";AuthMech=0", ";http.header.X-Evil=1", "\r\n", "%0d%0a", "\n", "\r",
    "X-Databricks-Org-Id: 666", " ", "\t", "\u0000", "\u2028", "\u0085", "1", "42", "0042", "6051921418418893",
    "9223372036854775807", "9223372036854775808", "\u0661\u0662\u0663", "\uff11\uff12", "%31%32", "+1", "-1",
    "1e3", "0x1f", "é", "#frag", "\"", "'", ",", "%", "%%", "%2F"
  };

  FakeGateway gateway;
  FakeGateway other;

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.builder().hostType("unified").start();
    other = FakeGateway.builder().hostType("unified").start();
  }

  @AfterEach
  void stop() {
    gateway.close();
    other.close();
  }

  static final String[] IDS = {"1", "42", "6051921418418893", "0042", "9223372036854775807", "0"};

  /** Mostly near-valid paths with one or two hostile pieces, some fully random. */
  String randomPath(Random r, String chosenId) {
    String id = chosenId + (r.nextInt(3) == 0 ? piece(r) : "");
    StringBuilder b = new StringBuilder(switch (r.nextInt(3)) {
      case 0 -> "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + id;
      case 1 -> "sql/protocolv1/o/" + id + "/0123-456789-abcdefgh";
      default -> r.nextBoolean() ? "/sql/1.0/warehouses/" : "sql/protocolv1/o/";
    });
    int n = r.nextInt(3);
    for (int i = 0; i < n; i++) {
      b.append(piece(r));
    }
    return b.toString();
  }

  static String piece(Random r) {
    return PIECES[r.nextInt(PIECES.length)];
  }

  @Test
  void noHostileHttpPathReachesAHeaderOrTheJdbcUrl() throws Exception {
    Random r = new Random(SEED);
    OkHttpClient base = new OkHttpClient();
    int accepted = 0;
    int withId = 0;
    int restCalls = 0;
    java.util.Map<String, Integer> refusals = new java.util.TreeMap<>();
    for (int t = 0; t < TRIES; t++) {
      // Both computes share an id most of the time: ids that disagree are refused (rightly).
      String id0 = IDS[r.nextInt(IDS.length)];
      String defaultPath = randomPath(r, id0);
      String clusterPath = randomPath(r, r.nextInt(4) == 0 ? IDS[r.nextInt(IDS.length)] : id0);
      HeaderStyle style = HeaderStyle.values()[r.nextInt(HeaderStyle.values().length)];
      Profile profile;
      try {
        profile = Profile.builder("fuzz", gateway.baseUrl()).defaultHttpPath(defaultPath)
            .compute("other", clusterPath)
            .build(BrickcheckOptions.builder().probeMode(ProbeMode.OFF).headerStyle(style).httpClient(base).build());
      } catch (DatabricksProfileException refused) {
        assertThat(refused.getMessage()).startsWith("[DatabricksProfile/");
        refusals.merge(refused.getMessage().substring(0, refused.getMessage().indexOf(']') + 1), 1, Integer::sum);
        continue;
      }
      accepted++;
      for (String compute : profile.computeNames()) {
        DatabricksConnection c = profile.open(compute);
        String id = c.workspaceId().orElse(null);
        assertThat(id == null || id.matches(CANONICAL)).as("id %s from %s", id, c.httpPath()).isTrue();
        assertJdbcUrlHasOnlyKnownProperties(c);
        if (id == null) {
          continue;
        }
        withId++;
        // A REST call for every third id keeps the test short; the id checks above cover them all.
        if (withId % 3 != 0) {
          continue;
        }
        gateway.clearRequests();
        try (Response resp = c.httpClient(Credentials.token("dapi-fuzz")).newCall(
            new Request.Builder().url(gateway.baseUrl() + "/api/2.0/clusters/list").build()).execute()) {
          restCalls++;
        }
        for (RecordedRequest rec : gateway.requests()) {
          for (String header : Arrays.asList(rec.orgId(), rec.workspaceIdHeader())) {
            assertThat(header == null || header.equals(id)).as("header %s for id %s", header, id).isTrue();
          }
          assertThat(rec.hasWorkspaceHeader()).isTrue();
        }
      }
    }
    System.out.printf("header fuzz: %d profiles, %d accepted, %d connections with an id, %d REST calls; refused: %s%n",
        TRIES, accepted, withId, restCalls, refusals);
    assertThat(accepted).as("the generator reaches accepted profiles").isGreaterThan(TRIES / 20);
    assertThat(restCalls).isGreaterThan(5);
  }

  /** The URL is {@code ...;k=v;k=v}: an http path must never add a key of its own. */
  static void assertJdbcUrlHasOnlyKnownProperties(DatabricksConnection c) {
    String url = c.jdbcUrl();
    assertThat(url.chars()).as("no control characters in %s", url).allMatch(ch -> ch >= 0x20 && ch != 0x7f);
    String props = url.substring(url.indexOf("/default;") + "/default;".length());
    Set<String> keys = new HashSet<>();
    for (String kv : props.split(";")) {
      keys.add(kv.contains("=") ? kv.substring(0, kv.indexOf('=')) : kv);
    }
    assertThat(JDBC_KEYS).as("keys of %s", url).containsAll(keys);
  }

  @Test
  void theWorkspaceHeaderNeverGoesToAnotherHostNorToOAuthOrDiscovery() throws Exception {
    String id = gateway.workspaceId();
    Profile profile = Profile.builder("routing", gateway.baseUrl())
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + id)
        .build(BrickcheckOptions.builder().probeMode(ProbeMode.OFF).headerStyle(HeaderStyle.values()[HeaderStyle.values().length - 1]).build());
    OkHttpClient rest = profile.open("default").httpClient(Credentials.token("dapi-route"));
    List<String> notForTheHeader = new ArrayList<>(List.of(
        "/oidc/v1/token", "/OIDC/v1/token", "/Oidc/accounts/x/v1/token", "/%6Fidc/v1/token", "/%6f%69%64%63/v1/token",
        "/oidc", "/oidc/", "/.well-known/databricks-config", "/.WELL-KNOWN/databricks-config",
        "/%2Ewell-known/databricks-config", "/oidc/.well-known/oauth-authorization-server", "/api/../oidc/v1/token",
        "/./oidc/v1/token", "//oidc/v1/token", "//OIDC/accounts/x/v1/token", "///.well-known/databricks-config"));
    Random r = new Random(SEED);
    for (int i = 0; i < 40; i++) { // random case and percent-encoding of "oidc"
      StringBuilder seg = new StringBuilder();
      for (char ch : "oidc".toCharArray()) {
        seg.append(r.nextBoolean() ? String.format("%%%02X", (int) ch) : String.valueOf(r.nextBoolean() ? Character.toUpperCase(ch) : ch));
      }
      notForTheHeader.add("/" + seg + "/v1/token?x=" + i);
    }
    for (String path : notForTheHeader) {
      HttpUrl url = HttpUrl.get(gateway.baseUrl() + path);
      gateway.clearRequests();
      rest.newCall(new Request.Builder().url(url).build()).execute().close();
      assertThat(gateway.requests()).as(path).isNotEmpty().noneMatch(RecordedRequest::hasWorkspaceHeader);
    }
    // Another host: another port on the same address, and the same port under another name.
    String localhostSamePort = gateway.baseUrl().replace("127.0.0.1", "localhost");
    for (String url : List.of(other.baseUrl() + "/api/2.0/clusters/list", localhostSamePort + "/api/2.0/clusters/list")) {
      other.clearRequests();
      gateway.clearRequests();
      rest.newCall(new Request.Builder().url(url).build()).execute().close();
      assertThat(other.requests()).noneMatch(RecordedRequest::hasWorkspaceHeader);
      assertThat(gateway.requests()).noneMatch(RecordedRequest::hasWorkspaceHeader);
    }
    // And the control: the profile's own API path does get it.
    gateway.clearRequests();
    rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/clusters/list").build()).execute().close();
    assertThat(gateway.requests()).allMatch(RecordedRequest::hasWorkspaceHeader);
  }
}
