package app.parvandeh.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An enum's codes with their Persian names, in the enum's order: the shape /api/labels answers
 * with, so every module that names its codes hands them over the same way.
 */
public final class CodeNames {

  private CodeNames() {}

  /** Code → Persian name, in the enum's order. */
  public static <E extends Enum<E>> Map<String, String> of(E[] values, Function<E, String> label) {
    Map<String, String> names = new LinkedHashMap<>();
    Arrays.stream(values).forEach(v -> names.put(v.name(), label.apply(v)));
    return names;
  }
}
