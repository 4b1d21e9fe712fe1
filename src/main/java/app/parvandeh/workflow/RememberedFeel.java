package app.parvandeh.workflow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Camunda's FEEL engine, answering again from memory what it has already worked out when the answer
 * cannot differ. A decision table's cells are mostly constants and tests against constants ({@code
 * "PHOTO"}, {@code >= 1400}, {@code true}), yet the Scala FEEL engine parses the cell and builds
 * its whole table of built-in functions again on every evaluation: for RequiredDocuments.dmn that
 * was most of the CPU a new file costs (docs/benchmarks.md). The decision itself is still evaluated
 * by Camunda's DMN engine, rule by rule, with its history; only the cell's value comes from here.
 *
 * <p>What is remembered, and why its answer cannot change: a cell made only of literals (strings,
 * numbers, booleans, null) and, for input entries, comparison operators, ranges, lists and {@code
 * not(…)}; such a cell reads nothing but the tested value. A bare variable name (an input
 * expression such as {@code entryYear}) reads only that variable. The answer is kept per cell text
 * and per value (its class too) of what the cell reads, and only for plain immutable values
 * (strings, booleans, numbers) and answers; anything else (functions such as {@code today()}, other
 * variables, paths, dates, lists, contexts) goes to the engine every time, as do failures.
 */
final class RememberedFeel implements FeelEngine {

  /** Beyond this many remembered answers, the memory starts again (a table has a few dozen). */
  static final int CAPACITY = 10_000;

  private static final String LITERAL =
      "\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?|true|false|null";

  private static final Pattern CONSTANT = Pattern.compile("\\s*(?:" + LITERAL + ")\\s*");

  /**
   * Unary tests on literals only: comparisons, ranges ({@code [1400..1405)}), lists, {@code not(…)}
   * and {@code -}. No name but the keywords, so the test reads nothing but the input.
   */
  private static final Pattern CONSTANT_TESTS =
      Pattern.compile("(?:\\s|" + LITERAL + "|<=|>=|!=|<|>|=|,|\\.\\.|\\[|\\]|\\(|\\)|not|-)*");

  private static final Pattern NAME = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*");

  /** FEEL words that look like a name but are not a variable. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "true",
          "false",
          "null",
          "not",
          "and",
          "or",
          "in",
          "between",
          "instance",
          "of",
          "if",
          "then",
          "else",
          "for",
          "return",
          "some",
          "every",
          "satisfies",
          "function");

  private static final Set<Class<?>> PLAIN =
      Set.of(
          String.class,
          Boolean.class,
          Integer.class,
          Long.class,
          Short.class,
          Byte.class,
          Double.class,
          Float.class,
          BigDecimal.class,
          BigInteger.class);

  private record Cell(String kind, String text, Class<?> valueClass, Object value) {}

  private final FeelEngine engine;
  private final Map<Cell, Optional<Object>> answers = new ConcurrentHashMap<>();

  RememberedFeel(FeelEngine engine) {
    this.engine = engine;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    Cell cell = null;
    if (CONSTANT.matcher(expression).matches()) {
      cell = new Cell("expression", expression, null, null);
    } else if (NAME.matcher(expression).matches() && !KEYWORDS.contains(expression.strip())) {
      cell = cellReading("expression", expression, expression.strip(), variables);
    }
    if (cell == null) {
      return engine.evaluateSimpleExpression(expression, variables);
    }
    return (T) remembered(cell, () -> engine.evaluateSimpleExpression(expression, variables));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(
      String tests, String inputName, VariableContext variables) {
    Cell cell =
        CONSTANT_TESTS.matcher(tests).matches()
            ? cellReading("tests", tests, inputName, variables)
            : null;
    if (cell == null) {
      return engine.evaluateSimpleUnaryTests(tests, inputName, variables);
    }
    return (Boolean)
        remembered(cell, () -> engine.evaluateSimpleUnaryTests(tests, inputName, variables));
  }

  /** The cell keyed by the one variable it reads; null when that value is not a plain one. */
  private static Cell cellReading(
      String kind, String text, String name, VariableContext variables) {
    if (!variables.containsVariable(name)) {
      return null;
    }
    TypedValue typed = variables.resolve(name);
    Object value = typed == null ? null : typed.getValue();
    if (value != null && !PLAIN.contains(value.getClass())) {
      return null;
    }
    return new Cell(kind, text, value == null ? null : value.getClass(), value);
  }

  private Object remembered(Cell cell, java.util.function.Supplier<Object> evaluation) {
    Optional<Object> known = answers.get(cell);
    if (known != null) {
      return known.orElse(null);
    }
    Object answer = evaluation.get();
    if (answer == null || PLAIN.contains(answer.getClass())) {
      if (answers.size() >= CAPACITY) {
        answers.clear();
      }
      answers.put(cell, Optional.ofNullable(answer));
    }
    return answer;
  }
}
