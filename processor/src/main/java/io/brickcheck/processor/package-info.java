/**
 * Not API: the annotation processor that checks {@code @DatabricksProfile} and writes the
 * {@code <Name>ConnectionFactory} classes; javac finds it as a service. Nothing here is exported.
 */
package io.brickcheck.processor;
