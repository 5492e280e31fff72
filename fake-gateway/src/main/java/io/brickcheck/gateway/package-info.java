/**
 * A test fake, never shipped: a loopback Databricks host (discovery, OAuth, REST and the Thrift
 * endpoint of the JDBC driver) that records every request it gets.
 */
package io.brickcheck.gateway;
