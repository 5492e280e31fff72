package com.example;

import io.brickcheck.DatabricksProfile;
import io.brickcheck.HostKind;

/** A per-workspace host with a legacy cluster path, and a chosen factory name. */
@DatabricksProfile(
    host = "https://adb-6436897454825492.12.azuredatabricks.net/",
    httpPath = "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh",
    hostKind = HostKind.WORKSPACE,
    factoryName = "LegacyCluster")
class Legacy {}
