package io.brickcheck.sample;

import io.brickcheck.Compute;
import io.brickcheck.DatabricksProfile;
import io.brickcheck.HostKind;

/**
 * The analytics profile, in the type form: a SQL warehouse ({@code default}) and an all-purpose
 * cluster ({@code etl-cluster}, a legacy cluster path that names its workspace in {@code /o/<id>/}).
 * The processor generates {@code AnalyticsConnectionFactory} with {@code openDefault()} and
 * {@code openEtlCluster()}.
 */
@DatabricksProfile(
    host = Hosts.DEMO_HOST,
    hostKind = HostKind.SPOG,
    httpPath = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + Hosts.WORKSPACE_ID,
    computes = @Compute(name = "etl-cluster", httpPath = "sql/protocolv1/o/" + Hosts.WORKSPACE_ID + "/0123-456789-abcdefgh"))
public interface Analytics {}
