package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.gateway.FakeGateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Runs every public path with marker secrets, including failing ones, and scans everything a person
 * could see: log lines (SLF4J, on stderr), stdout, exception messages and causes, toString() and the
 * status block.
 */
class SecretsNeverLeakTest {
  static final String TOKEN = "dapiMARKERTOKEN7f3a9c";
  static final String CLIENT_SECRET = "doseMARKERSECRET5b2e8d";

  @Test
  void noPathPrintsAToken() throws Exception {
    List<String> seen = new ArrayList<>();
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try (FakeGateway gateway = FakeGateway.builder().personalAccessToken("another-token").oauthClient("sp", CLIENT_SECRET).start()) {
      Credentials pat = Credentials.token(TOKEN);
      Credentials m2m = Credentials.oauthM2M("sp", CLIENT_SECRET);
      seen.add(pat.toString());
      seen.add(m2m.toString());
      Profile profile = Profile.builder("secrets", gateway.baseUrl())
          .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId())
          .build(BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build());
      DatabricksConnection c = profile.open("default");
      seen.add(c.toString());
      seen.add(c.jdbcUrl());
      seen.add(profile.toString());

      // The driver's own OAuth client insists on https, so JDBC runs with the (refused) token only.
      seen.add(messagesOf(() -> c.openJdbc(pat).close()));
      seen.add(c.jdbcProperties(m2m).keySet().toString());
      for (Credentials credentials : List.of(pat, m2m)) {
        // The token is refused by the gateway, the M2M secret accepted: both paths run.
        OkHttpClient rest = c.httpClient(credentials);
        seen.add(messagesOf(() -> {
          try (Response r = rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/sql/warehouses").build()).execute()) {
            seen.add(r.body().string());
          }
        }));
        seen.add(c.sdkConfig(credentials).toString());
        seen.add(messagesOf(() -> new com.databricks.sdk.WorkspaceClient(c.sdkConfig(credentials))
            .currentUser().me(new com.databricks.sdk.service.iam.MeRequest())));
      }
      seen.add(profile.status().render());
      seen.add(profile.status().toJson());
      seen.add(messagesOf(() -> Profile.builder("bad", "https://user:" + TOKEN + "@" + "127.0.0.1").defaultHttpPath("/x").build()));
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    seen.add(captured.toString(StandardCharsets.UTF_8));

    String everything = String.join("\n", seen);
    assertThat(everything).contains("[DatabricksProfile/InvalidHost]").contains("UNAUTHENTICATED");
    assertThat(everything).doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET);
  }

  interface Action {
    void run() throws Exception;
  }

  static String messagesOf(Action action) {
    StringBuilder text = new StringBuilder();
    try {
      action.run();
    } catch (Exception e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        text.append(t).append('\n');
      }
    }
    return text.toString();
  }
}
