package io.brickcheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.Profile;
import io.brickcheck.rules.Code;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exported API packages ({@code io.brickcheck}, {@code io.brickcheck.rules}) name no type of an
 * {@code internal} package in a public or protected member: a module user could not even name such
 * a type, since those packages are exported to Brickcheck's own modules only (or, for generated
 * code, documented as not API). Walks the compiled classes of both packages by reflection: every
 * public type, nested ones included, and its supertypes, fields, constructors and methods with
 * their generic parameters, results, exceptions and type bounds.
 */
class NoInternalTypeInApiTest {

  @Test
  void apiPackagesNameNoInternalType() throws Exception {
    List<String> found = new ArrayList<>();
    for (Class<?> anchor : List.of(Profile.class, Code.class)) {
      for (Class<?> type : publicTypesOf(anchor)) {
        found.addAll(internalTypesNamedBy(type));
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theCheckSeesAnInternalTypeWhereThereIsOne() {
    // The check must be able to fail: a public member that names an internal type is found.
    assertThat(internalTypesNamedBy(Leaky.class))
        .containsExactly("NoInternalTypeInApiTest.Leaky.report() returns io.brickcheck.internal.rules.ProfileReport");
  }

  /** A stand-in API type with one leak, for the check above. */
  public static final class Leaky {
    public io.brickcheck.internal.rules.ProfileReport report() {
      return null;
    }

    // Not API: package-private members may name internal types.
    io.brickcheck.internal.rules.ProfileReport hidden() {
      return null;
    }
  }

  /**
   * The public top-level and nested classes of {@code anchor}'s package, from its class files (a
   * classes folder, or the module's jar when Maven's verify puts the jar on the class path).
   */
  private static List<Class<?>> publicTypesOf(Class<?> anchor) throws IOException, URISyntaxException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      return publicTypesOf(anchor, location);
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return publicTypesOf(anchor, jar.getPath("/"));
    }
  }

  private static List<Class<?>> publicTypesOf(Class<?> anchor, Path root) throws IOException {
    Path dir = root.resolve(anchor.getPackageName().replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class") || file.equals("package-info.class") || file.equals("module-info.class")) {
          continue;
        }
        Class<?> c;
        try {
          c = Class.forName(anchor.getPackageName() + "." + file.substring(0, file.length() - 6), false,
              anchor.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          throw new AssertionError("cannot load " + f, e);
        }
        if (visible(c)) {
          out.add(c);
        }
      }
    }
    assertThat(out).as("public types in " + dir).isNotEmpty();
    return out;
  }

  /** Public, and every enclosing class public too (or protected, for a nested one). */
  private static boolean visible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!(Modifier.isPublic(k.getModifiers()) || (k != c.getDeclaringClass() && Modifier.isProtected(k.getModifiers())))
          || k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  static List<String> internalTypesNamedBy(Class<?> type) {
    List<String> out = new ArrayList<>();
    String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    check(out, name + " extends", type.getGenericSuperclass());
    for (Type t : type.getGenericInterfaces()) {
      check(out, name + " implements", t);
    }
    for (TypeVariable<?> v : type.getTypeParameters()) {
      for (Type b : v.getBounds()) {
        check(out, name + " bounds <" + v.getName() + "> by", b);
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (api(f.getModifiers()) && !f.isSynthetic()) {
        check(out, name + "." + f.getName() + " is a", f.getGenericType());
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      executable(out, name + ".<init>", c);
    }
    for (Method m : type.getDeclaredMethods()) {
      if (api(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        check(out, name + "." + m.getName() + "() returns", m.getGenericReturnType());
        executable(out, name + "." + m.getName() + "()", m);
      }
    }
    return out;
  }

  private static void executable(List<String> out, String name, Executable e) {
    if (!api(e.getModifiers()) || e.isSynthetic()) {
      return;
    }
    for (Type p : e.getGenericParameterTypes()) {
      check(out, name + " takes", p);
    }
    for (Type x : e.getGenericExceptionTypes()) {
      check(out, name + " throws", x);
    }
    for (TypeVariable<?> v : e.getTypeParameters()) {
      for (Type b : v.getBounds()) {
        check(out, name + " bounds <" + v.getName() + "> by", b);
      }
    }
  }

  private static boolean api(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(List<String> out, String where, Type type) {
    Set<Class<?>> named = new HashSet<>();
    collect(type, named, new HashSet<>());
    named.stream()
        .filter(c -> c.getPackageName().contains(".internal"))
        .map(c -> where + " " + c.getName())
        .sorted()
        .forEach(out::add);
  }

  /** Every class a (generic) type names: arguments, bounds, array components, owners. */
  private static void collect(Type type, Set<Class<?>> named, Set<Type> seen) {
    if (type == null || !seen.add(type)) {
      return;
    }
    if (type instanceof Class<?> c) {
      Class<?> k = c;
      while (k.isArray()) {
        k = k.getComponentType();
      }
      named.add(k);
    } else if (type instanceof ParameterizedType p) {
      collect(p.getRawType(), named, seen);
      collect(p.getOwnerType(), named, seen);
      for (Type a : p.getActualTypeArguments()) {
        collect(a, named, seen);
      }
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        collect(b, named, seen);
      }
      for (Type b : w.getLowerBounds()) {
        collect(b, named, seen);
      }
    } else if (type instanceof GenericArrayType a) {
      collect(a.getGenericComponentType(), named, seen);
    } else if (type instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        collect(b, named, seen);
      }
    }
  }
}
