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
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface BrickcheckGenerated {}
