package app.parvandeh.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

class RememberedFeelTests {

  /** Camunda's own FEEL engine, counting how often it is asked. */
  private static final class Counted implements FeelEngine {
    final FeelEngine engine = new ScalaFeelEngineFactory().createInstance();
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
      calls.incrementAndGet();
      return engine.evaluateSimpleExpression(expression, variables);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String tests, String input, VariableContext variables) {
      calls.incrementAndGet();
      return engine.evaluateSimpleUnaryTests(tests, input, variables);
    }
  }

  private final Counted engine = new Counted();
  private final RememberedFeel remembered = new RememberedFeel(engine);

  private static VariableContext input(Object value) {
    return Variables.createVariables()
        .putValue("cellInput", value)
        .putValue("limit", 1400)
        .asVariableContext();
  }

  private static final List<String> CONSTANT_TESTS =
      List.of(
          "-",
          "true",
          "false",
          ">= 1400",
          "<= 1399",
          "< 1400.5",
          "!= 1400",
          "[1395..1400)",
          "(1395..1400]",
          "1398, 1399, >= 1402",
          "not(1400)",
          "not(\"BACHELOR\", \"MASTER\")",
          "\"BACHELOR\"",
          "\"PHD\", \"MASTER\"",
          "null");

  private static final List<Object> VALUES =
      Arrays.asList(1399, 1400L, 1401, 1400.5, "BACHELOR", "PHD", "", true, false, null);

  @Test
  void constantTestsAnswerAsCamundasEngineForEveryValueAndAreWorkedOutOncePerValue() {
    List<String> disagreements = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (String tests : CONSTANT_TESTS) {
        for (Object value : VALUES) {
          Object expected =
              outcome(
                  () -> engine.engine.evaluateSimpleUnaryTests(tests, "cellInput", input(value)));
          Object actual =
              outcome(() -> remembered.evaluateSimpleUnaryTests(tests, "cellInput", input(value)));
          if (!String.valueOf(expected).equals(String.valueOf(actual))) {
            disagreements.add(tests + " on " + value + ": " + expected + " / " + actual);
          }
        }
      }
    }
    assertThat(disagreements).isEmpty();
    // Answers are remembered per test and per value; failures (a string compared with a number may
    // fail) are asked again each round.
    assertThat(engine.calls.get()).isLessThan(CONSTANT_TESTS.size() * VALUES.size() * 2);
  }

  @Test
  void aConstantCellAndABareInputNameAreWorkedOutOnceAndGiveCamundasValue() {
    for (int i = 0; i < 5; i++) {
      assertThat((Object) remembered.evaluateSimpleExpression("\"PHOTO\"", input(null)))
          .isEqualTo("PHOTO");
      assertThat((Object) remembered.evaluateSimpleExpression("cellInput", input(1400)))
          .isEqualTo(engine.engine.evaluateSimpleExpression("cellInput", input(1400)));
    }
    assertThat(engine.calls.get()).isEqualTo(2);
    assertThat((Object) remembered.evaluateSimpleExpression("cellInput", input(1401)))
        .isEqualTo(engine.engine.evaluateSimpleExpression("cellInput", input(1401)));
    assertThat(engine.calls.get()).isEqualTo(3);
  }

  @Test
  void cellsThatReadAnotherVariableOrCallAFunctionAreAskedEveryTime() {
    VariableContext before =
        Variables.createVariables()
            .putValue("cellInput", 1400)
            .putValue("limit", 1400)
            .asVariableContext();
    VariableContext after =
        Variables.createVariables()
            .putValue("cellInput", 1400)
            .putValue("limit", 1300)
            .asVariableContext();
    assertThat(remembered.evaluateSimpleUnaryTests(">= limit", "cellInput", before)).isTrue();
    assertThat(remembered.evaluateSimpleUnaryTests("> limit", "cellInput", before)).isFalse();
    assertThat(remembered.evaluateSimpleUnaryTests("> limit", "cellInput", after)).isTrue();
    assertThat((Object) remembered.evaluateSimpleExpression("limit + 1", after)).isEqualTo(1301L);
    assertThat(
            remembered.evaluateSimpleUnaryTests(
                "< date(\"2999-01-01\")",
                "cellInput",
                Variables.createVariables()
                    .putValue("cellInput", LocalDate.of(2026, 12, 2))
                    .asVariableContext()))
        .isTrue();
    remembered.evaluateSimpleExpression("string length(\"abc\")", after);
    remembered.evaluateSimpleExpression("string length(\"abc\")", after);
    assertThat(engine.calls.get()).isEqualTo(7);
  }

  @Test
  void inputsThatAreNotPlainValuesAreAskedEveryTime() {
    VariableContext date =
        Variables.createVariables()
            .putValue("cellInput", LocalDate.of(1400, 1, 1))
            .asVariableContext();
    remembered.evaluateSimpleUnaryTests("null", "cellInput", date);
    remembered.evaluateSimpleUnaryTests("null", "cellInput", date);
    remembered.evaluateSimpleExpression("cellInput", date);
    remembered.evaluateSimpleExpression("cellInput", date);
    assertThat(engine.calls.get()).isEqualTo(4);
  }

  @Test
  void aCellThatFailsOrReadsAnAbsentNameIsAskedEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> remembered.evaluateSimpleExpression("\"open", input(null)))
          .isInstanceOf(FeelException.class);
      // a name the context lacks is FEEL's null, and not remembered: the variable may come
      assertThat((Object) remembered.evaluateSimpleExpression("missingName", input(null))).isNull();
    }
    assertThat(engine.calls.get()).isEqualTo(4);
  }

  private static Object outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      return evaluation.get();
    } catch (RuntimeException e) {
      return "failed: " + e.getClass().getSimpleName();
    }
  }
}
