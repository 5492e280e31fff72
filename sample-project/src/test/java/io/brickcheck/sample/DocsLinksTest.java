package io.brickcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and {@code #anchor} in README.md, docs/*.md and the module READMEs resolves:
 * the file exists, and the anchor is a heading of it, slugged as GitHub does (lower case, every
 * character but letters, digits, {@code _}, {@code -} and spaces dropped, spaces to {@code -},
 * repeated headings suffixed {@code -1}, {@code -2}, ...).
 */
class DocsLinksTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```[^\n]*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`\n]*`");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CHANGELOG.md"),
        ROOT.resolve("processor/README-processor.md"), ROOT.resolve("runtime/README-dbt.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /** The anchors GitHub gives the headings of {@code markdown} (outside fenced code). */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : FENCE.matcher(markdown).replaceAll("").split("\n")) {
      Matcher h = Pattern.compile("^#{1,6} +(.*?)#*\\s*$").matcher(line);
      if (h.matches()) {
        String slug = h.group(1).strip().toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
        int n = seen.merge(slug, 1, Integer::sum);
        anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
    }
    return anchors;
  }

  /** "file: link (why)" for every link of {@code doc} that does not resolve. */
  static List<String> brokenLinks(Path doc) throws IOException {
    String text = Files.readString(doc);
    String prose = INLINE_CODE.matcher(FENCE.matcher(text).replaceAll("")).replaceAll("");
    List<String> broken = new ArrayList<>();
    Matcher m = LINK.matcher(prose);
    while (m.find()) {
      String link = m.group(1);
      if (link.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
        continue; // https:, mailto: ...: not this repository's
      }
      int hash = link.indexOf('#');
      String file = hash < 0 ? link : link.substring(0, hash);
      Path target = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
      if (!Files.exists(target)) {
        broken.add(ROOT.relativize(doc) + ": " + link + " (no such file)");
      } else if (hash >= 0 && !anchors(Files.readString(target)).contains(link.substring(hash + 1))) {
        broken.add(ROOT.relativize(doc) + ": " + link + " (no such heading)");
      }
    }
    return broken;
  }

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      broken.addAll(brokenLinks(doc));
    }

    assertThat(broken).isEmpty();
  }

  @Test
  void anchorsAreSluggedAsGitHubDoes() {
    String md = "# Brickcheck\n## 2. On a `static final String` constant\n"
        + "### 4. A `~/.databrickscfg` profile, or the `DATABRICKS_*` environment\n"
        + "```text\n# not a heading\n```\n## Two commands\n## Two commands\n";

    assertThat(anchors(md)).containsExactlyInAnyOrder("brickcheck", "2-on-a-static-final-string-constant",
        "4-a-databrickscfg-profile-or-the-databricks_-environment", "two-commands", "two-commands-1");
  }

  @Test
  void aBrokenLinkAndABrokenAnchorAreFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path doc = Files.writeString(dir.resolve("a.md"), "# Title\n[ok](#title) [gone](#nope) [file](missing.md)"
        + " [code](`x`) `[not](a-link.md)`\n```\n[fenced](nothing.md)\n```\n");

    assertThat(brokenLinks(doc)).hasSize(2).anyMatch(s -> s.contains("#nope (no such heading)"))
        .anyMatch(s -> s.contains("missing.md (no such file)"));
  }
}
