/**
 * Brickcheck's {@code check} command line. Not a library: nothing is exported.
 *
 * <p>No {@code opens}: the commands' picocli model is built in code ({@code CommandModel}), so
 * picocli reads no annotations and sets no fields by reflection.
 */
module io.brickcheck.cli {
  requires io.brickcheck.runtime;
  requires com.google.gson;
  requires info.picocli;
}
