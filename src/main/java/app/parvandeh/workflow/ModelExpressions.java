package app.parvandeh.workflow;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Decides whether a JUEL expression in a deployed model only reads process data and asks our model
 * beans.
 *
 * <p>The text is parsed with the engine's own JUEL tree builder, so what is checked is exactly what
 * the engine will evaluate (composite text, {@code #{}} and escapes included), and the tree is
 * walked with an allow-list of node shapes; a node kind not named here is refused, so a JUEL
 * feature we did not think of cannot slip through. Allowed:
 *
 * <ul>
 *   <li>literals, operators, {@code ?:}, parentheses;
 *   <li>identifiers that are process variables, i.e. any name that is not a Spring bean and not one
 *       of the engine's context objects ({@code execution}, {@code task}, …), and the names of
 *       model beans;
 *   <li>{@code bean.method(…)} and {@code bean.property} only directly on a model bean and only for
 *       methods its own class declares publicly (so never {@code getClass}, and never on what a
 *       call returns);
 *   <li>{@code execution.getVariable('literal')} / {@code task.getVariable('literal')}: reading a
 *       variable that may be absent without failing, which the shipped models use;
 *   <li>{@code variable[0]}: a numeric index into a list variable.
 * </ul>
 *
 * Refused: functions ({@code ${now()}}, {@code ${fn:…}}), other method calls, property access on
 * anything else (variables may hold objects whose getters reach further), computed brackets ({@code
 * x['class']}) and identifiers naming other Spring beans.
 */
final class ModelExpressions {

  /**
   * Objects the engine's resolver puts in every expression's context, before variables and beans.
   */
  static final Set<String> CONTEXT_OBJECTS =
      Set.of("execution", "task", "caseExecution", "externalTask", "variableScope");

  private static final Set<String> VARIABLE_READERS = Set.of("execution", "task");

  /** A reason an expression is refused, in Persian and English. */
  record Refusal(String fa, String en) {}

  private final Map<String, Set<String>> membersByBean;
  private final Predicate<String> isOtherBean;
  private final Builder parser =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  /**
   * @param modelBeans model bean name → its class (allow-listed, see {@link ModelBeans})
   * @param isOtherBean whether a name is any other bean an expression could resolve
   */
  ModelExpressions(Map<String, Class<?>> modelBeans, Predicate<String> isOtherBean) {
    this.membersByBean =
        modelBeans.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, e -> declaredPublicMethods(e.getValue())));
    this.isOtherBean = name -> !membersByBean.containsKey(name) && isOtherBean.test(name);
  }

  Set<String> modelBeanNames() {
    return membersByBean.keySet();
  }

  /**
   * Why this text (literal text, or text with {@code ${…}}/{@code #{…}}) may not be deployed; null
   * when it may.
   */
  Refusal check(String text) {
    Node root;
    try {
      root = parser.build(text).getRoot();
    } catch (TreeBuilderException e) {
      return new Refusal(
          "عبارت قابل خواندن نیست: " + e.getMessage(),
          "The expression does not parse: " + e.getMessage());
    }
    return walk(root);
  }

  /**
   * A delegate expression must name one model bean and nothing else: whatever it resolves to is run
   * as code.
   */
  Refusal checkDelegate(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith("${")
        && trimmed.endsWith("}")
        && membersByBean.containsKey(trimmed.substring(2, trimmed.length() - 1).trim())) {
      return null;
    }
    return new Refusal(
        "عبارت delegate باید دقیقاً نام یکی از beanهای مجاز فرایند باشد: " + modelBeanNames(),
        "A delegate expression must be exactly ${name} of one allowed model bean: "
            + modelBeanNames());
  }

  private Refusal walk(Node node) {
    if (node instanceof AstIdentifier identifier) {
      return identifier(identifier.getName());
    }
    if (node instanceof AstMethod) {
      return method(node);
    }
    if (node instanceof AstDot dot) {
      return property(dot);
    }
    if (node instanceof AstBracket bracket) {
      return bracket(bracket);
    }
    if (node instanceof AstFunction function) {
      return new Refusal(
          "فراخوانی تابع مجاز نیست: " + function.getName(),
          "Functions are not allowed: " + function.getName() + "()");
    }
    if (!isPlainNode(node)) {
      return new Refusal(
          "این بخش از عبارت مجاز نیست: " + node,
          "This part of the expression is not allowed: " + node);
    }
    return children(node);
  }

  private static boolean isPlainNode(Node node) {
    return node instanceof AstComposite
        || node instanceof AstEval
        || node instanceof AstText
        || node instanceof AstNested
        || node instanceof AstBinary
        || node instanceof AstUnary
        || node instanceof AstChoice
        || node instanceof AstBoolean
        || node instanceof AstNull
        || node instanceof AstNumber
        || node instanceof AstString
        || node instanceof AstParameters;
  }

  private Refusal children(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      Refusal refusal = walk(node.getChild(i));
      if (refusal != null) {
        return refusal;
      }
    }
    return null;
  }

  private Refusal identifier(String name) {
    if (CONTEXT_OBJECTS.contains(name)) {
      return new Refusal(
          "«" + name + "» فقط به شکل " + name + ".getVariable('نام') مجاز است.",
          "'" + name + "' may only be used as " + name + ".getVariable('name').");
    }
    if (isOtherBean.test(name)) {
      return new Refusal(
          "«" + name + "» از beanهای مجاز فرایند نیست؛ مجازها: " + modelBeanNames(),
          "'" + name + "' is not an allowed model bean; allowed: " + modelBeanNames());
    }
    return null;
  }

  private Refusal method(Node method) {
    Node target = method.getChild(0);
    Node parameters = method.getChild(1);
    if (!(target instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier base)) {
      return notOnModelBean(method.getChild(0).toString());
    }
    String name = memberName(dot);
    if (VARIABLE_READERS.contains(base.getName())) {
      boolean oneLiteral =
          parameters.getCardinality() == 1 && parameters.getChild(0) instanceof AstString;
      return name.equals("getVariable") && oneLiteral
          ? null
          : new Refusal(
              "روی «" + base.getName() + "» فقط getVariable('نام') با نامی ثابت مجاز است.",
              "On '"
                  + base.getName()
                  + "' only getVariable('name') with a literal name is allowed.");
    }
    Set<String> members = membersByBean.get(base.getName());
    if (members == null || !members.contains(name)) {
      return notOnModelBean(base.getName() + "." + name + "(…)");
    }
    return children(parameters);
  }

  private Refusal property(AstDot dot) {
    String name = memberName(dot);
    if (dot.getChild(0) instanceof AstIdentifier base
        && membersByBean.containsKey(base.getName())) {
      Set<String> members = membersByBean.get(base.getName());
      String capitalized =
          name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
      if (members.contains("get" + capitalized) || members.contains("is" + capitalized)) {
        return null;
      }
    }
    return notOnModelBean(dot.getChild(0) + "." + name);
  }

  private Refusal bracket(AstBracket bracket) {
    if (bracket.getChild(0) instanceof AstIdentifier base
        && bracket.getChild(1) instanceof AstNumber) {
      return identifier(base.getName()) == null && !membersByBean.containsKey(base.getName())
          ? null
          : notOnModelBean(base.getName() + "[…]");
    }
    return new Refusal(
        "دسترسی با [] فقط با شماره روی یک متغیر مجاز است.",
        "Brackets are only allowed with a number on a variable, e.g. list[0].");
  }

  private Refusal notOnModelBean(String what) {
    return new Refusal(
        "فراخوانی یا خواندن «"
            + what
            + "» مجاز نیست؛ فقط متدهای beanهای مجاز فرایند: "
            + modelBeanNames(),
        "Calling or reading '"
            + what
            + "' is not allowed; only methods of the allowed model "
            + "beans may be called: "
            + modelBeanNames());
  }

  /** JUEL prints a property node as {@code ". name"}; the name itself has no public getter. */
  private static String memberName(AstDot dot) {
    String printed = dot.toString();
    return printed.startsWith(". ") ? printed.substring(2) : printed;
  }

  private static Set<String> declaredPublicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(
            m ->
                Modifier.isPublic(m.getModifiers())
                    && !Modifier.isStatic(m.getModifiers())
                    && !m.isSynthetic())
        .map(Method::getName)
        .filter(name -> !name.equals("getClass"))
        .collect(Collectors.toUnmodifiableSet());
  }
}
