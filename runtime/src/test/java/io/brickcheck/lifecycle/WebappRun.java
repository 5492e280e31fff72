package io.brickcheck.lifecycle;

import io.brickcheck.Brickcheck;
import io.brickcheck.BrickcheckOptions;
import io.brickcheck.Credentials;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What a webapp does with Brickcheck, run inside {@link RuntimeLifecycleTest}'s own class loader
 * (so every Brickcheck class here is that loader's): builds a profile, opens it, makes REST calls,
 * and on "undeploy" calls {@link Brickcheck#shutdown()}. The input is {@code mode|baseUrl|token}.
 */
public final class WebappRun implements Function<String, String> {
  @Override
  public String apply(String input) {
    String[] parts = input.split("\\|");
    String mode = parts[0];
    if (mode.equals("shutdown")) {
      return Boolean.toString(Brickcheck.shutdown());
    }
    String base = parts[1];
    BrickcheckOptions options =
        mode.equals("off") ? BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build() : BrickcheckOptions.defaults();
    Profile profile = Profile.builder("webapp", base)
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492").build(options);
    DatabricksConnection c = profile.open("default");
    if (mode.equals("off")) {
      return c.jdbcUrl();
    }
    OkHttpClient rest = c.httpClient(Credentials.token(parts[2]));
    Request me = new Request.Builder().url(base + "/api/2.0/preview/scim/v2/Me").build();
    try (Response r = rest.newCall(me).execute()) {
      // A second open after the ASYNC probe has had its answer, for the probe threads to have run.
      profile.open("default");
      CompletableFuture<Integer> async = new CompletableFuture<>();
      rest.newCall(me).enqueue(new Callback() {
        @Override
        public void onFailure(Call call, IOException e) {
          async.completeExceptionally(e);
        }

        @Override
        public void onResponse(Call call, Response response) {
          try (response) {
            async.complete(response.code());
          }
        }
      });
      return r.code() + "," + async.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
