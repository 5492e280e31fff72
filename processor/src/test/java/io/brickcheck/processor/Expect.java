package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.brickcheck.rules.Code;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** The assertion every negative test makes. */
final class Expect {
  private Expect() {}

  static Compilation assertError(
      Code code, String quoted, String lineMarker, JavaFileObject src, JavaFileObject... others) {
    JavaFileObject[] all = new JavaFileObject[others.length + 1];
    all[0] = src;
    System.arraycopy(others, 0, all, 1, others.length);
    Compilation c = Sources.compile(all);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(code.tag() + " ").inFile(src).onLineContaining(lineMarker);
    String message = message(c.errors(), code);
    assertThat(message).contains(quoted);
    // The message form: tag, what is wrong, what is expected, the fix.
    assertThat(message.split("\\. ").length).isAtLeast(3);
    assertThat(Sources.generated(c)).isEmpty();
    return c;
  }

  static String message(List<Diagnostic<? extends JavaFileObject>> diagnostics, Code code) {
    return diagnostics.stream()
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.startsWith(code.tag()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code.tag() + " in " + diagnostics));
  }
}
