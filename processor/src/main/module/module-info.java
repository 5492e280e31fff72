/**
 * Brickcheck's annotation processor: checks {@code @DatabricksProfile} while javac runs and writes
 * the {@code <Name>ConnectionFactory} classes. Nothing is exported; javac finds the processor
 * through {@code provides}, on the processor module path, or through {@code META-INF/services} on
 * the processor path.
 *
 * <p>This descriptor is compiled after javapoet is shaded into the jar (see the POM): javapoet's
 * relocated packages are part of this module, so no {@code requires} names javapoet.
 */
module io.brickcheck.processor {
  requires java.compiler;
  requires io.brickcheck.rules;
  requires io.brickcheck.dbt;

  provides javax.annotation.processing.Processor with
      io.brickcheck.processor.DatabricksProfileProcessor;
}
