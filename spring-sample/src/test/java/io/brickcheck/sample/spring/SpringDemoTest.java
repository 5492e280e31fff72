package io.brickcheck.sample.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo, as {@code java -jar} runs it: it exits 0 and shows the routing. */
class SpringDemoTest {
  @Test
  void theDemoRoutesEveryPooledConnection() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = SpringDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out).contains("spring.datasource.url from class path resource [application.yml] - 5:10")
        .contains("health: UP")
        .contains("every one routed to workspace " + SpringDemo.WORKSPACE)
        .doesNotContain(SpringDemo.TOKEN);
  }
}
