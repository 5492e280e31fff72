package io.brickcheck;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** Versions of the clients on the class path, and dotted version comparison. */
final class Versions {
  private Versions() {}

  /**
   * The Maven version of the artifact that {@code type} was loaded from: its jar manifest's
   * Implementation-Version, else the jar's own {@code pom.properties}. Read from that jar only:
   * uber jars (databricks-jdbc bundles an SDK) carry other artifacts' {@code pom.properties}, so a
   * class-path-wide resource lookup can answer for the wrong jar.
   */
  static String of(Class<?> type, String groupId, String artifactId) {
    Package p = type.getPackage();
    if (p != null && p.getImplementationVersion() != null) {
      return p.getImplementationVersion();
    }
    String entry = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path location = Path.of(source.getLocation().toURI());
      if (Files.isDirectory(location)) {
        Path file = location.resolve(entry);
        return Files.exists(file) ? versionIn(Files.newInputStream(file)) : null;
      }
      try (JarFile jar = new JarFile(location.toFile())) {
        ZipEntry e = jar.getEntry(entry);
        return e == null ? null : versionIn(jar.getInputStream(e));
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static String versionIn(InputStream in) throws IOException {
    try (in) {
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version");
    }
  }

  /** True when {@code version} is at least {@code minimum}; non-numeric parts end the comparison. */
  static boolean atLeast(String version, int[] minimum) {
    String[] parts = version.split("[.-]");
    for (int i = 0; i < minimum.length; i++) {
      int part = i < parts.length ? leadingNumber(parts[i]) : 0;
      if (part != minimum[i]) {
        return part > minimum[i];
      }
    }
    return true;
  }

  private static int leadingNumber(String s) {
    int n = 0;
    for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)) && n < 100_000; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }
}
