package app.parvandeh.workflow;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The base of the one typed accessor each process has ({@code AdmissionVariables}, {@code
 * ClearanceVariables}, {@code StudyDocumentVariables}): the code says what a variable means and of
 * which type once, in the accessor, instead of a name and a cast at every use. The names stay the
 * models' own ({@link StudentFileProcess}, {@link StudyDocumentProcess}): running instances and the
 * BPMN's expressions depend on them.
 */
public abstract class ProcessVariables {

  private final Function<String, Object> reader;
  private final BiConsumer<String, Object> writer;

  /** Over an execution or a task, as a delegate or listener sees it. */
  protected ProcessVariables(VariableScope scope) {
    this(scope::getVariable, scope::setVariable);
  }

  /** Over variables about to be given to the engine (a start, a message correlation). */
  protected ProcessVariables(Map<String, Object> variables) {
    this(variables::get, variables::put);
  }

  protected ProcessVariables(Function<String, Object> reader, BiConsumer<String, Object> writer) {
    this.reader = reader;
    this.writer = writer;
  }

  /** The value as stored; null when the variable is absent. */
  protected final Object value(String name) {
    return reader.apply(name);
  }

  /** The value as text; null when absent. */
  protected final String text(String name) {
    Object value = value(name);
    return value == null ? null : value.toString();
  }

  /** The value as text, or the fallback when the variable is absent. */
  protected final String textOr(String name, String fallback) {
    String text = text(name);
    return text == null ? fallback : text;
  }

  /** The flag; null when absent or not a boolean (a form that did not say). */
  protected final Boolean flag(String name) {
    return value(name) instanceof Boolean flag ? flag : null;
  }

  protected final void set(String name, Object value) {
    writer.accept(name, value);
  }
}
