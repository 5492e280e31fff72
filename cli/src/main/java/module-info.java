/**
 * Brickcheck's {@code check} command line. Not a library: nothing is exported.
 *
 * <p>picocli reads the command's annotated fields by reflection, hence the {@code opens}.
 */
module io.brickcheck.cli {
  requires io.brickcheck.runtime;
  requires com.google.gson;
  requires info.picocli;

  opens io.brickcheck.cli to info.picocli;
}
