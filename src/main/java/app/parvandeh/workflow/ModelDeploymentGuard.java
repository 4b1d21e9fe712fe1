package app.parvandeh.workflow;

import app.parvandeh.security.Groups;
import app.parvandeh.workflow.ModelExpressions.Refusal;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Runs before the engine's own deployers on every new deployment (our start-up deployment, engine
 * REST, the webapps' API behind Cockpit and Modeler, redeploy, the Java API) and refuses any model
 * that could run code rather than steps: script tasks and scripts, {@code camunda:class}, external
 * script resources, script or non-JUEL expression languages, expressions beyond {@link
 * ModelExpressions}, delegate expressions that are not a model bean, custom form validators, forms
 * that are not ours, and resources of unknown kinds.
 *
 * <p>Every attribute and text of every element is inspected rather than a list of known expression
 * attributes, so an attribute added by a later Camunda version is checked too. Deployments already
 * stored are not checked again when the engine re-reads them into its cache: they were accepted
 * when deployed, and running files of older versions must keep working; at run time {@link
 * ModelDeploymentGuardPlugin} still keeps their expressions away from other beans.
 */
final class ModelDeploymentGuard implements Deployer {

  private static final List<String> PROCESS_SUFFIXES = List.of(".bpmn", ".bpmn20.xml");
  private static final List<String> DECISION_SUFFIXES = List.of(".dmn", ".dmn11.xml");
  private static final List<String> FORM_SUFFIXES = List.of(".html", ".form");
  private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
  private static final String FORM_KEY_PREFIX = "embedded:deployment:";

  /** The names the DMN engine reads as FEEL (lower case). */
  private static final Set<String> FEEL_NAMES =
      Stream.of(
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
              DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15)
          .map(name -> name.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());

  /** Who a user task may be given to: the file's own student ({@code camunda:assignee}). */
  private static final String STUDENT_ASSIGNEE =
      "${" + StudentFileProcess.VAR_STUDENT_USER_ID + "}";

  /** The file's own working groups, which a process computes from the file. */
  private static final Set<String> FILE_GROUPS =
      Set.of(
          "${" + StudentFileProcess.VAR_FACULTY_GROUP + "}",
          "${" + StudentFileProcess.VAR_CLEARANCE_GROUP + "}");

  /**
   * The Camunda attributes a model may carry on its elements, all that the shipped models and
   * Modeler use for steps; any other (a {@code resultVariable}, a multi-instance {@code
   * elementVariable} or {@code collection}, an error's {@code errorCodeVariable}, an external
   * task's {@code topic}, an {@code initiator}…) would write a variable or reach outside the
   * model's steps.
   */
  private static final Set<String> CAMUNDA_ATTRIBUTES =
      Set.of(
          "asyncBefore",
          "asyncAfter",
          "exclusive",
          "jobPriority",
          "taskPriority",
          "delegateExpression",
          "expression",
          "assignee",
          "candidateGroups",
          "candidateUsers",
          "formKey",
          "dueDate",
          "followUpDate",
          "priority",
          "versionTag",
          "historyTimeToLive",
          "isStartableInTasklist",
          "candidateStarterGroups",
          "candidateStarterUsers",
          "calledElementBinding",
          "calledElementVersion",
          "calledElementVersionTag",
          "modelerTemplate",
          "modelerTemplateVersion");

  /** The Camunda extension elements a model may hold (listeners, input/output, properties…). */
  private static final Set<String> CAMUNDA_ELEMENTS =
      Set.of(
          "inputOutput",
          "inputParameter",
          "outputParameter",
          "list",
          "map",
          "entry",
          "value",
          "taskListener",
          "executionListener",
          "properties",
          "property",
          "in",
          "out",
          "formData",
          "formField",
          "validation",
          "constraint",
          "failedJobRetryTimeCycle");

  /** Camunda's extensions of BPMN (not Modeler's own namespace, which only describes the file). */
  private static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";

  /** Camunda 7 still reads Activiti's namespace as its own; no check would see what it says. */
  private static final String ACTIVITI_NS = "http://activiti.org/bpmn";

  /** BPMN's own ways of naming who does a task, which would go around the attributes below. */
  private static final Set<String> BPMN_PERFORMERS =
      Set.of("performer", "humanPerformer", "potentialOwner");

  private final Supplier<ModelExpressions> expressions;
  private final Map<String, byte[]> shippedForms;

  /**
   * @param expressions the expression check, asked for at the first deployment (the bean list is
   *     complete by then)
   * @param shippedForms deployment name ({@code forms/…}) → bytes of each form this build ships
   */
  ModelDeploymentGuard(Supplier<ModelExpressions> expressions, Map<String, byte[]> shippedForms) {
    this.expressions = expressions;
    this.shippedForms = shippedForms;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<ResourceReportImpl> reports = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      List<Problem> problems = check(resource.getName(), resource.getBytes());
      if (!problems.isEmpty()) {
        reports.add(new ResourceReportImpl(resource.getName(), problems, List.of()));
      }
    }
    if (!reports.isEmpty()) {
      throw new ModelRefusedException(reports);
    }
  }

  /** The problems of one resource; empty when it may be deployed. */
  List<Problem> check(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    List<Problem> problems = new ArrayList<>();
    if (endsWithAny(lower, PROCESS_SUFFIXES)) {
      walk(name, bytes, false, problems);
    } else if (endsWithAny(lower, DECISION_SUFFIXES)) {
      walk(name, bytes, true, problems);
    } else if (endsWithAny(lower, FORM_SUFFIXES)) {
      if (!shippedForms.containsKey(name) || !Arrays.equals(shippedForms.get(name), bytes)) {
        problems.add(
            problem(
                name,
                new Refusal(
                    "فرم‌ها فقط عین فرم‌های همین نسخه سامانه پذیرفته می‌شوند (فرم در مرورگر کارشناس اجرا می‌شود): "
                        + shippedForms.keySet(),
                    "Forms are accepted only byte for byte as shipped with this build of the application, because a form "
                        + "runs script in the clerk's browser: "
                        + shippedForms.keySet())));
      }
    } else {
      problems.add(
          problem(
              name,
              new Refusal(
                  "نوع این فایل پذیرفته نیست؛ فقط ‎.bpmn، ‎.dmn و فرم‌های سامانه.",
                  "This kind of resource is not accepted; only .bpmn, .bpmn20.xml, .dmn, .dmn11.xml and the application's "
                      + "forms.")));
    }
    return problems;
  }

  private void walk(String name, byte[] bytes, boolean decision, List<Problem> problems) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      root =
          factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    } catch (Exception e) {
      problems.add(
          problem(
              name,
              new Refusal(
                  "فایل XML خوانا نیست: " + e.getMessage(),
                  "The file is not readable XML: " + e.getMessage())));
      return;
    }
    element(root, decision, problems);
  }

  private void element(Element element, boolean decision, List<Problem> problems) {
    String local = element.getLocalName();
    if (Set.of("documentation", "description", "text").contains(local) && !isCamunda(element)) {
      return; // prose for people, never evaluated (DMN's <text> is FEEL, checked by its language
      // instead)
    }
    if (ACTIVITI_NS.equals(element.getNamespaceURI())) {
      problems.add(
          elementProblem(
              element,
              new Refusal(
                  "فضای نام activiti در مدل پذیرفته نیست؛ همان عنصر را با camunda: بنویسید.",
                  "The activiti namespace is not accepted in a model; write the element with camunda:.")));
      return;
    }
    if (!decision && local.equals("signalEventDefinition")) {
      // A signal reaches every file's process at once, and carries variables between them.
      problems.add(
          elementProblem(
              element,
              new Refusal(
                  "سیگنال در مدل پذیرفته نیست: به فرایند همهٔ پرونده‌ها با هم می‌رسد؛ از پیام استفاده کنید.",
                  "Signals are not accepted in a model: one reaches every file's process at once; use a"
                      + " message.")));
      return;
    }
    if (Set.of("scriptTask", "globalScriptTask", "script", "connector").contains(local)) {
      problems.add(
          elementProblem(
              element,
              new Refusal(
                  "اسکریپت و connector در مدل مجاز نیست؛ از delegateهای نام‌دار سامانه استفاده کنید.",
                  "Scripts and connectors are not allowed in a model; use the application's named delegate beans.")));
      return;
    }
    if (!decision
        && CAMUNDA_BPMN_NS.equals(element.getNamespaceURI())
        && !CAMUNDA_ELEMENTS.contains(local)) {
      problems.add(
          elementProblem(
              element,
              new Refusal(
                  "این عنصر Camunda در مدل پذیرفته نیست؛ مجاز: " + CAMUNDA_ELEMENTS,
                  "This Camunda element is not accepted in a model; allowed: "
                      + CAMUNDA_ELEMENTS)));
      return;
    }
    if (BPMN_PERFORMERS.contains(local) && !isCamunda(element)) {
      problems.add(
          elementProblem(
              element,
              new Refusal(
                  "کار را با camunda:candidateGroups به گروه‌های کاری پرونده بدهید، نه با performer یا potentialOwner.",
                  "Give a task to the file's working groups with camunda:candidateGroups, not with a BPMN"
                      + " performer or potential owner.")));
      return;
    }
    if (!decision
        && local.endsWith("EventDefinition")
        && element.getParentNode() instanceof Element start
        && "startEvent".equals(start.getLocalName())
        && start.getParentNode() instanceof Element owner
        && "process".equals(owner.getLocalName())) {
      // The application starts a file's process itself, with the student's number as its key. A
      // process started by a message would also start when the application correlates that
      // message to a file (with the file's key), and one started by a timer or signal would run
      // with no file at all.
      problems.add(
          elementProblem(
              element,
              new Refusal(
                  "فرایند فقط با رویداد شروع ساده آغاز می‌شود، همان‌طور که سامانه آن را برای پرونده‌ای آغاز"
                      + " می‌کند؛ شروع با پیام، زمان‌سنج، سیگنال یا شرط مجاز نیست (درون زیرفرایند رویدادی مجاز است).",
                  "A process starts only at a none start event, as the application starts it for a"
                      + " file; a message, timer, signal or conditional start is not allowed (inside an"
                      + " event subprocess it is).")));
    }
    Refusal write = isCamunda(element) ? variableWrite(local, element) : null;
    if (write != null) {
      problems.add(
          problem(element, "<" + element.getTagName() + " " + named(element) + ">", write));
    }
    if (local.equals("constraint") && "validator".equals(element.getAttribute("name"))) {
      problems.add(
          problem(
              element,
              "validator=" + element.getAttribute("config"),
              new Refusal(
                  "اعتبارسنج سفارشی فرم مجاز نیست.",
                  "Custom form field validators are not allowed (they name code).")));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (!XMLNS.equals(attribute.getNamespaceURI())) {
        Refusal refusal = attribute(attribute, decision);
        if (refusal != null) {
          problems.add(
              problem(element, attribute.getName() + "=\"" + attribute.getValue() + "\"", refusal));
        }
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element nested) {
        element(nested, decision, problems);
      } else if (!decision
          && (child.getNodeType() == Node.TEXT_NODE
              || child.getNodeType() == Node.CDATA_SECTION_NODE)
          && isExpression(child.getNodeValue())) {
        Refusal refusal = expressions.get().check(child.getNodeValue());
        if (refusal != null) {
          problems.add(problem(element, child.getNodeValue().trim(), refusal));
        }
      }
    }
  }

  /**
   * What a model may not do with a variable: set one of the file's own ({@link
   * ModelDeclaredOutputs#FILE_IDENTITY}: whose file it is, who works on it, who did a step) with an
   * input or output parameter, a form field or a call's {@code camunda:in}/{@code camunda:out} (an
   * input parameter would give a task's candidate group another value only for that task); hand a
   * call another business key than its own (the called process would act on another student's
   * file); take every variable back from a called process; or name a note's author other than by
   * the variable that recorded who did the step.
   */
  private static Refusal variableWrite(String local, Element element) {
    if (local.equals("property")
        && ModelDeclaredOutputs.OUTPUTS_PROPERTY.equals(element.getAttribute("name"))) {
      // A task's or start's declared outputs are what a user may submit: never the file's own.
      String declared =
          Arrays.stream(element.getAttribute("value").split(","))
              .map(String::strip)
              .filter(ModelDeclaredOutputs.FILE_IDENTITY::contains)
              .filter(name -> !name.equals(StudyDocumentProcess.VAR_STUDENT_NUMBER))
              .collect(Collectors.joining(", "));
      if (!declared.isEmpty()) {
        return new Refusal(
            "کاربر متغیرهای خود پرونده را نمی‌فرستد؛ این‌ها از outputs برداشته شوند: " + declared,
            "A user does not submit the file's own variables; take these out of outputs: "
                + declared);
      }
      return null;
    }
    String target =
        switch (local) {
          case "inputParameter", "outputParameter" -> element.getAttribute("name");
          case "in", "out" -> element.getAttribute("target");
          case "formField" -> element.getAttribute("id");
          default -> null;
        };
    if (target == null) {
      return null;
    }
    if (ModelDeclaredOutputs.FILE_IDENTITY.contains(target.strip())) {
      return new Refusal(
          "مدل متغیرهای خود پرونده را نمی‌نویسد (دانشجو، گروه کاری، کسی که گامی را انجام داد): "
              + ModelDeclaredOutputs.FILE_IDENTITY,
          "A model does not write the file's own variables (the student, the working groups, who"
              + " did a step): "
              + ModelDeclaredOutputs.FILE_IDENTITY);
    }
    if (local.equals("out") && "all".equals(element.getAttribute("variables").strip())) {
      return new Refusal(
          "فرایند فراخوانده همهٔ متغیرها را پس نمی‌دهد؛ متغیرهای لازم را یک‌به‌یک با camunda:out بنویسید.",
          "A called process does not hand back every variable; name each one with camunda:out.");
    }
    if (local.equals("in")
        && element.hasAttribute("businessKey")
        && !OWN_BUSINESS_KEY.matcher(element.getAttribute("businessKey").strip()).matches()) {
      return new Refusal(
          "فرایند فراخوانده همان پرونده را دارد: businessKey=\"#{execution.processBusinessKey}\".",
          "A called process keeps the file it is called for:"
              + " businessKey=\"#{execution.processBusinessKey}\".");
    }
    if (local.equals("inputParameter")
        && target.strip().equals(RecordFileNoteDelegate.INPUT_AUTHOR)
        && !isStepAuthor(element.getTextContent().strip())) {
      return new Refusal(
          "نویسندهٔ یادداشت فقط متغیری است که انجام‌دهندهٔ گام را ثبت کرده، مثل"
              + " ${execution.getVariable('issuedBy')}: "
              + ModelDeclaredOutputs.STEP_AUTHORS,
          "A note's author is only the variable that recorded who did the step, e.g."
              + " ${execution.getVariable('issuedBy')}: "
              + ModelDeclaredOutputs.STEP_AUTHORS);
    }
    return null;
  }

  /** The business key a call hands on: the caller's own. */
  private static final Pattern OWN_BUSINESS_KEY =
      Pattern.compile("[#$]\\{\\s*execution\\.processBusinessKey\\s*}");

  /** {@code ${issuedBy}} or {@code ${execution.getVariable('issuedBy')}}, of the step authors. */
  private static final Pattern AUTHOR_REFERENCE =
      Pattern.compile("[#$]\\{\\s*(?:execution\\.getVariable\\(\\s*'(\\w+)'\\s*\\)|(\\w+))\\s*}");

  private static boolean isStepAuthor(String value) {
    Matcher reference = AUTHOR_REFERENCE.matcher(value);
    return reference.matches()
        && ModelDeclaredOutputs.STEP_AUTHORS.contains(
            reference.group(1) != null ? reference.group(1) : reference.group(2));
  }

  private static String named(Element element) {
    for (String attribute : List.of("name", "target", "businessKey", "variables", "id")) {
      if (element.hasAttribute(attribute)) {
        return attribute + "=\"" + element.getAttribute(attribute) + "\"";
      }
    }
    return "";
  }

  private Refusal attribute(Attr attribute, boolean decision) {
    String local =
        attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    if (local.equals("class") || local.endsWith("Class")) {
      return new Refusal(
          "نام کلاس جاوا (camunda:class) در مدل مجاز نیست؛ از delegateهای نام‌دار استفاده کنید.",
          "Java class names (camunda:class) are not allowed in a model; use the named delegate beans.");
    }
    if (local.equals("resource") || local.equals("scriptFormat")) {
      return new Refusal(
          "اسکریپت و منبع خارجی در مدل مجاز نیست.",
          "Scripts and external resources are not allowed in a model.");
    }
    if (local.equals("language") || local.equals("expressionLanguage")) {
      return decision
          ? (isFeel(value)
              ? null
              : new Refusal(
                  "در جدول تصمیم فقط زبان FEEL مجاز است.",
                  "Decisions may only use FEEL as expression language."))
          : (value.equalsIgnoreCase("juel") || isBpmnDefault(local, value)
              ? null
              : new Refusal(
                  "در فرایند فقط عبارت‌های JUEL مجاز است.",
                  "Processes may only use JUEL expressions, no other (script) language."));
    }
    if (decision) {
      return null; // DMN attributes carry names and FEEL, no JUEL
    }
    if (ACTIVITI_NS.equals(attribute.getNamespaceURI())) {
      return new Refusal(
          "فضای نام activiti در مدل پذیرفته نیست؛ همان ویژگی را با camunda: بنویسید.",
          "The activiti namespace is not accepted in a model; write the attribute with camunda:.");
    }
    if (CAMUNDA_BPMN_NS.equals(attribute.getNamespaceURI())
        && !CAMUNDA_ATTRIBUTES.contains(local)) {
      return new Refusal(
          "این ویژگی Camunda در مدل پذیرفته نیست (متغیر می‌نویسد یا از گام‌ها بیرون می‌رود)؛ مجاز: "
              + CAMUNDA_ATTRIBUTES,
          "This Camunda attribute is not accepted in a model (it writes a variable or reaches"
              + " outside the steps); allowed: "
              + CAMUNDA_ATTRIBUTES);
    }
    if (local.equals("businessKey")
        && "in".equals(attribute.getOwnerElement().getLocalName())
        && OWN_BUSINESS_KEY.matcher(value.strip()).matches()) {
      return null; // the caller's own file, the one business key a call may hand on
    }
    if (Set.of("assignee", "candidateUsers", "candidateGroups").contains(local)) {
      return people(local, value);
    }
    if (local.equals("delegateExpression") || local.endsWith("DelegateExpression")) {
      return expressions.get().checkDelegate(value);
    }
    if (local.equals("formKey")) {
      String form =
          value.startsWith(FORM_KEY_PREFIX) ? value.substring(FORM_KEY_PREFIX.length()) : "";
      return shippedForms.containsKey(form)
          ? null
          : new Refusal(
              "کلید فرم باید یکی از فرم‌های سامانه باشد: embedded:deployment:"
                  + shippedForms.keySet(),
              "The form key must name one of the application's forms: embedded:deployment:"
                  + shippedForms.keySet());
    }
    return isExpression(value) ? expressions.get().check(value) : null;
  }

  /**
   * Who a user task goes to: the file's student, the file's own faculty or clearance group, or a
   * university-wide working group; never a named user, the process owners, the admins, another
   * faculty's group (named outright, it would reach every file) or a group an expression makes up.
   * A model decides who works on a file, so whoever deploys it must not be able to give the work
   * (and the grant on the student's data that comes with it) to themselves.
   */
  private static Refusal people(String attribute, String value) {
    boolean allowed =
        switch (attribute) {
          case "assignee" -> value.strip().equals(STUDENT_ASSIGNEE);
          case "candidateGroups" ->
              Arrays.stream(value.split(","))
                  .map(String::strip)
                  .allMatch(
                      group ->
                          FILE_GROUPS.contains(group) || Groups.UNIVERSITY_WIDE.contains(group));
          default -> false;
        };
    return allowed
        ? null
        : new Refusal(
            "کار فقط به خود دانشجو ("
                + STUDENT_ASSIGNEE
                + ")، گروه دانشکده یا گروه تسویه پرونده "
                + FILE_GROUPS
                + " یا گروه‌های کاری دانشگاه "
                + Groups.UNIVERSITY_WIDE
                + " داده می‌شود.",
            "A task goes only to the file's student ("
                + STUDENT_ASSIGNEE
                + "), the file's faculty or clearance group "
                + FILE_GROUPS
                + " or a university-wide working group "
                + Groups.UNIVERSITY_WIDE
                + ", never to a named user, the process owners or the admins.");
  }

  private static boolean isExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  /**
   * The BPMN schema's default on {@code <definitions>}, which the model API and Modeler write out;
   * Camunda ignores it and evaluates JUEL, so it changes nothing.
   */
  private static boolean isBpmnDefault(String attribute, String value) {
    return attribute.equals("expressionLanguage") && value.equals("http://www.w3.org/1999/XPath");
  }

  /**
   * FEEL is side-effect free and cannot reach beans; JUEL in a decision could, so a decision must
   * use FEEL.
   */
  private static boolean isFeel(String language) {
    return FEEL_NAMES.contains(language.toLowerCase(Locale.ROOT));
  }

  private static boolean isCamunda(Element element) {
    return element.getNamespaceURI() != null
        && element.getNamespaceURI().startsWith("http://camunda.org/schema/");
  }

  private static boolean endsWithAny(String name, List<String> suffixes) {
    return suffixes.stream().anyMatch(name::endsWith);
  }

  /** The problem of an element refused whole, named by its tag. */
  private static Problem elementProblem(Element element, Refusal refusal) {
    return problem(element, "<" + element.getTagName() + ">", refusal);
  }

  private static Problem problem(Element element, String offending, Refusal refusal) {
    Element owner = element;
    while (owner != null && owner.getAttribute("id").isEmpty()) {
      owner = owner.getParentNode() instanceof Element parent ? parent : null;
    }
    String id = owner == null ? element.getTagName() : owner.getAttribute("id");
    return new ModelProblem(
        "«"
            + id
            + "» ("
            + offending
            + "): "
            + refusal.fa()
            + " / Element '"
            + id
            + "' ("
            + offending
            + "): "
            + refusal.en(),
        id);
  }

  private static Problem problem(String resourceName, Refusal refusal) {
    return new ModelProblem(
        "«" + resourceName + "»: " + refusal.fa() + " / '" + resourceName + "': " + refusal.en(),
        null);
  }

  /**
   * One refused element (or resource), named by its id as Cockpit and Modeler show parse problems.
   */
  record ModelProblem(String getMessage, String getMainElementId) implements Problem {

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public List<String> getElementIds() {
      return getMainElementId == null ? List.of() : List.of(getMainElementId);
    }
  }

  /**
   * A refused deployment. A {@link ParseException}, so Camunda's REST layer (engine REST and the
   * webapps' API) answers 400 with the problems per resource; the message leads with the first
   * problem in Persian and English.
   */
  static final class ModelRefusedException extends ParseException {

    ModelRefusedException(List<ResourceReportImpl> reports) {
      super(
          "مدل پذیرفته نشد؛ مدل فرایند فقط گام‌ها را تغییر می‌دهد، نه کد را. / The model was refused: a deployed "
              + "model may change steps, not run code. "
              + reports.get(0).getErrors().get(0).getMessage(),
          reports.get(0).getResourceName(),
          reports.get(0).getErrors(),
          List.of());
      resorceReports.clear();
      resorceReports.addAll(reports);
    }
  }
}
