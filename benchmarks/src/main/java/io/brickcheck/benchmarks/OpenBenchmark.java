package io.brickcheck.benchmarks;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.Credentials;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.gateway.FakeGateway;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Connection-time costs: {@code open*()} once the host's answer is cached (ASYNC and BLOCKING), and
 * what Brickcheck's interceptors add to one REST request (measured against the same client without
 * them; both end in an in-memory response, so no network time is in either).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OpenBenchmark {
  FakeGateway gateway;
  Profile asyncProfile;
  Profile blockingProfile;
  DatabricksConnection asyncConnection;
  DatabricksConnection blockingConnection;
  OkHttpClient plainClient;
  OkHttpClient brickcheckClient;
  Request request;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    gateway = FakeGateway.builder().personalAccessToken("dapi-bench").start();
    String path = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId();
    asyncProfile = Profile.builder("bench-async", gateway.baseUrl()).defaultHttpPath(path).build();
    blockingProfile = Profile.builder("bench-blocking", gateway.baseUrl()).defaultHttpPath(path)
        .build(BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build());
    asyncConnection = asyncProfile.connection("default");
    blockingConnection = blockingProfile.connection("default");
    blockingProfile.open(blockingConnection); // warms the probe cache and decides
    asyncProfile.open(asyncConnection);
    Thread.sleep(200); // lets the ASYNC decision land

    Interceptor answer = chain -> new Response.Builder()
        .request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .body(ResponseBody.create(new byte[0], null)).build();
    plainClient = new OkHttpClient.Builder().addInterceptor(answer).build();
    brickcheckClient = blockingConnection.httpClient(Credentials.token("dapi-bench")).newBuilder().addInterceptor(answer).build();
    request = new Request.Builder().url(gateway.baseUrl() + "/api/2.0/sql/warehouses").build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    gateway.close();
  }

  @Benchmark
  public DatabricksConnection openWarmAsync() {
    return asyncProfile.open(asyncConnection);
  }

  @Benchmark
  public DatabricksConnection openWarmBlocking() {
    return blockingProfile.open(blockingConnection);
  }

  @Benchmark
  public int restCallWithoutBrickcheck() throws IOException {
    try (Response r = plainClient.newCall(request).execute()) {
      return r.code();
    }
  }

  @Benchmark
  public int restCallWithBrickcheckInterceptors() throws IOException {
    try (Response r = brickcheckClient.newCall(request).execute()) {
      return r.code();
    }
  }
}
