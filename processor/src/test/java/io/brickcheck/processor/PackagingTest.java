package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brickcheck.BrickcheckGenerated;
import io.brickcheck.Compute;
import io.brickcheck.DatabricksProfile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What javac, Gradle and users' classpaths see of the processor. */
class PackagingTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = PackagingTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void autoServiceRegistersTheProcessors() throws IOException {
    assertThat(resource("META-INF/services/javax.annotation.processing.Processor").trim().lines().sorted().toList())
        .containsExactly(DatabricksProfileProcessor.class.getName(), SpringPropertiesProcessor.class.getName())
        .inOrder();
  }

  @Test
  void gradleSeesADynamicIncrementalProcessor() throws IOException {
    assertThat(resource("META-INF/gradle/incremental.annotation.processors").trim().lines().toList())
        .containsExactly(DatabricksProfileProcessor.class.getName() + ",dynamic",
            SpringPropertiesProcessor.class.getName() + ",dynamic");
  }

  @Test
  void onlyTheProcessorClassIsPublic() {
    for (Class<?> type :
        List.of(
            Diagnostics.class,
            FactoryClashes.class,
            FactoryDescriptor.class,
            FactoryNames.class,
            FactoryWriter.class,
            GeneratedText.class,
            ProcessorOptions.class,
            ProfileDeclaration.class,
            ProfileValidator.class,
            SpringProperties.class,
            SpringPropertyFiles.class)) {
      assertThat(Modifier.isPublic(type.getModifiers())).isFalse();
    }
    assertThat(Modifier.isPublic(DatabricksProfileProcessor.class.getModifiers())).isTrue();
    assertThat(Modifier.isPublic(SpringPropertiesProcessor.class.getModifiers())).isTrue();
  }

  @Test
  void annotationsHaveClassRetentionForGradleIncrementalProcessing() {
    for (Class<?> type : List.of(DatabricksProfile.class, Compute.class, BrickcheckGenerated.class)) {
      assertThat(type.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.CLASS);
    }
    assertThat(ProfileDeclaration.ANNOTATION).isEqualTo("io.brickcheck.DatabricksProfile");
  }

  @Test
  void javadocEscapingNeutralisesCommentEndsTagsAndUnicodeEscapes() {
    assertThat(GeneratedText.html("/a*/b@c\\u000a<x>&{y}"))
        .isEqualTo("/a*&#47;b&#64;c&#92;u000a&lt;x&gt;&amp;&#123;y&#125;");
  }

  @Test
  void fieldNamesBecomeUpperCamelFactoryNames() {
    assertThat(FactoryNames.upperCamel("ANALYTICS_PROD")).isEqualTo("AnalyticsProd");
    assertThat(FactoryNames.upperCamel("analyticsProd")).isEqualTo("AnalyticsProd");
    assertThat(FactoryNames.upperCamel("WAREHOUSE")).isEqualTo("Warehouse");
    assertThat(FactoryNames.isClassName("class")).isFalse();
    assertThat(FactoryNames.isClassName("Analytics")).isTrue();
  }
}
