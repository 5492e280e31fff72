package io.brickcheck.benchmarks;

import io.brickcheck.internal.rules.ComputeSpec;
import io.brickcheck.internal.rules.HostParser;
import io.brickcheck.internal.rules.HostResult;
import io.brickcheck.internal.rules.HttpPathParser;
import io.brickcheck.internal.rules.HttpPathResult;
import io.brickcheck.internal.rules.ProfileChecker;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.internal.rules.ProfileSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The rule engine on typical input: what javac and {@code Profile} creation pay per value. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RuleEngineBenchmark {
  String warehousePath = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492";
  String clusterPath = "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh";
  String host = "peco.azuredatabricks.net";
  ProfileSpec profile =
      ProfileSpec.of(
          "prod",
          host,
          warehousePath,
          new ComputeSpec("etl", "/sql/1.0/warehouses/0f1e2d3c4b5a6978?o=6436897454825492"),
          new ComputeSpec("Cluster1", clusterPath),
          new ComputeSpec("nightly-batch", "/sql/1.0/endpoints/99aa88bb77cc66dd?o=6436897454825492"));

  @Benchmark
  public HttpPathResult parseWarehousePath() {
    return HttpPathParser.parse(warehousePath);
  }

  @Benchmark
  public HttpPathResult parseClusterPath() {
    return HttpPathParser.parse(clusterPath);
  }

  @Benchmark
  public HostResult parseHost() {
    return HostParser.parse(host);
  }

  @Benchmark
  public ProfileReport checkProfileOfFourComputes() {
    return ProfileChecker.check(profile);
  }
}
