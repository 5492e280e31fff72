package io.brickcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type that the Brickcheck annotation processor generated. CLASS retention, so that tools
 * reading class files (JaCoCo filters any such annotation whose name contains "Generated") can
 * recognise generated code, which the JDK's SOURCE-retention {@code @Generated} does not allow.
 * Also how the processor tells its own factory from a previous build (on the class path or the
 * source path in an incremental build) from a user's type of the same name: by {@link #origin()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface BrickcheckGenerated {
  /**
   * The element the factory was generated for: {@code com.example.Analytics} for a type,
   * {@code com.example.Profiles.ANALYTICS} for a field.
   *
   * @return the annotated element's qualified name, or "" when written by an older Brickcheck
   */
  String origin() default "";
}
