package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.security.ClearanceFixture;
import app.parvandeh.security.FileFixture;
import app.parvandeh.shared.JalaliDates;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.StudentService;
import app.parvandeh.studydocs.StudyDocumentWorkflow;
import app.parvandeh.support.BrowserTest;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist, Cockpit and Admin as a Persian clerk sees them, in headless Chromium running on
 * Tehran's clock: the pages read right-to-left while BPMN diagrams are still drawn left-to-right,
 * every date is Solar Hijri with Persian digits in Tehran time (the same text as our own pages'
 * {@link JalaliDates}), the date picker picks Solar Hijri days and stores the right Gregorian date,
 * the main pages log no console errors (nor when a number is typed into Tasklist's search) and
 * nothing reaches past the window at 1,400 and 768 px. Screenshots go to {@code
 * target/browser-screenshots/webapps-*}.
 */
class WebappsPersianBrowserTests extends BrowserTest {

  static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
  static final List<String> MONTHS =
      List.of(
          "فروردین",
          "اردیبهشت",
          "خرداد",
          "تیر",
          "مرداد",
          "شهریور",
          "مهر",
          "آبان",
          "آذر",
          "دی",
          "بهمن",
          "اسفند");
  static final Map<DayOfWeek, String> WEEKDAYS =
      Map.of(
          DayOfWeek.SATURDAY,
          "شنبه",
          DayOfWeek.SUNDAY,
          "یکشنبه",
          DayOfWeek.MONDAY,
          "دوشنبه",
          DayOfWeek.TUESDAY,
          "سه‌شنبه",
          DayOfWeek.WEDNESDAY,
          "چهارشنبه",
          DayOfWeek.THURSDAY,
          "پنجشنبه",
          DayOfWeek.FRIDAY,
          "جمعه");
  static final int[] WIDTHS = {1400, 768};

  /**
   * A phone, a tablet and a desk, as ClerkDayBrowserTests' screens (the phone's viewport emulated).
   */
  static final int[] PHONE_TO_DESK = {390, 768, 1400};

  static final Pattern LABEL_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  /** The inline field's editor: Tasklist opens it in the task column, next to the field. */
  static final String EDITOR = ".cam-widget-inline-field.field-control";

  static final String BUTTONS = ".cam-widget-inline-field.btn-group";

  @Autowired StudentService students;
  @Autowired HistoryService history;
  @Autowired GraduationClearance clearance;
  @Autowired StudyDocumentWorkflow studyDocuments;

  @Test
  void tasklistReadsRightToLeftWithSolarHijriTimesAndNoConsoleErrors() throws IOException {
    FileFixture file = engineeringFileAwaitingItsCheck();
    Task task = tasks.createTaskQuery().taskId(file.checkTaskId()).singleResult();

    browser.inTimeZone(TEHRAN.getId());
    signIn("clerk.eng");
    openTask(task.getId());
    assertThat(documentDirection()).isEqualTo("rtl");

    WebElement created =
        browser
            .waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(
                        "li:has(a[href*='task="
                            + task.getId()
                            + "']) .creation-date [uib-tooltip]")));
    assertThat(created.getAttribute("uib-tooltip"))
        .isEqualTo(longJalali(task.getCreateTime().toInstant()));
    assertThat(created.getText()).matches("[۰-۹]+ .+ پیش|چند ثانیه پیش");
    assertThat(browser.text()).contains("به وقت تهران").doesNotContain("UTC");
    // The history tab reads the task's comments, as a clerk's Tasklist does on every task.
    browser.press(tab("سابقه"));
    browser
        .waiting()
        .until(
            ExpectedConditions.attributeContains(
                tab("سابقه").findElement(By.xpath("..")), "class", "active"));
    browser.press(tab("فرم"));
    // A Golestan screen number typed into the search box: Tasklist read it as a number and failed
    // on it.
    WebElement search =
        browser.driver().findElement(By.cssSelector(".tasks-list [cam-widget-search] input"));
    browser.press(search);
    search.sendKeys("14010" + Keys.ENTER);
    browser
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[cam-widget-search-pill]")));

    fitsAtEveryWidth("tasklist");
    assertThat(browser.consoleErrors()).as("Tasklist's console").isEmpty();
  }

  @Test
  void theFollowUpDatePickerPicksASolarHijriDayAndStoresItsGregorianDate() throws IOException {
    FileFixture file = engineeringFileAwaitingItsCheck();
    WebElement picker = followUpPickerOfClaimedCheck(file);
    int[] today = jalali(Instant.now());
    int year = today[1] == 12 ? today[0] + 1 : today[0];
    int month = today[1] % 12 + 1;
    assertThat(picker.findElement(By.cssSelector(".pv-jalali-title")).getText())
        .isEqualTo(MONTHS.get(today[1] - 1) + " " + persian(today[0]));
    assertThat(picker.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText))
        .containsExactly("ش", "ی", "د", "س", "چ", "پ", "ج");
    assertThat(browser.driver().findElements(By.cssSelector(EDITOR + " .uib-daypicker")))
        .allSatisfy(gregorian -> assertThat(gregorian.isDisplayed()).isFalse());

    browser.press(picker.findElement(By.cssSelector(".pv-jalali-next")));
    browser
        .waiting()
        .until(
            ExpectedConditions.textToBe(
                By.cssSelector(EDITOR + " .pv-jalali-title"),
                MONTHS.get(month - 1) + " " + persian(year)));
    browser.press(
        browser
            .driver()
            .findElement(By.cssSelector(EDITOR + " .pv-jalali-picker [data-day='15']")));
    browser.screenshot("webapps-tasklist-follow-up-picker");
    browser.press(
        browser.driver().findElement(By.cssSelector(BUTTONS + " button:has(.glyphicon-ok)")));

    browser
        .waiting()
        .until(
            d ->
                tasks.createTaskQuery().taskId(file.checkTaskId()).singleResult().getFollowUpDate()
                    != null);
    Date followUp =
        tasks.createTaskQuery().taskId(file.checkTaskId()).singleResult().getFollowUpDate();
    assertThat(JalaliDates.date(followUp.toInstant()))
        .isEqualTo(persian(String.format("%04d/%02d/%02d", year, month, 15)));
    browser.screenshot("webapps-tasklist-follow-up-set");
    assertThat(browser.consoleErrors()).as("Tasklist's console").isEmpty();
  }

  @Test
  void theFollowUpTimeReadsInPersianDigitsAndTheTimeTypedInThemIsStored() throws IOException {
    FileFixture file = engineeringFileAwaitingItsCheck();
    WebElement picker = followUpPickerOfClaimedCheck(file);
    int[] today = jalali(Instant.now());
    int year = today[1] == 12 ? today[0] + 1 : today[0];
    int month = today[1] % 12 + 1;
    browser.press(picker.findElement(By.cssSelector(".pv-jalali-next")));
    browser.press(
        browser
            .driver()
            .findElement(By.cssSelector(EDITOR + " .pv-jalali-picker [data-day='15']")));
    WebElement hours =
        browser.driver().findElement(By.cssSelector(EDITOR + " .uib-timepicker td.hours input"));
    WebElement minutes =
        browser.driver().findElement(By.cssSelector(EDITOR + " .uib-timepicker td.minutes input"));
    browser.waiting().until(d -> hours.getAttribute("value").matches("[۰-۹]{2}"));
    assertThat(minutes.getAttribute("value")).matches("[۰-۹]{2}");

    hours.sendKeys(Keys.chord(Keys.CONTROL, "a"), "۱۴");
    minutes.sendKeys(Keys.chord(Keys.CONTROL, "a"), "۳۰");
    browser.waiting().until(d -> "۳۰".equals(minutes.getAttribute("value")));
    assertThat(hours.getAttribute("value")).isEqualTo("۱۴");
    browser.screenshot("webapps-tasklist-follow-up-time");
    browser.press(
        browser.driver().findElement(By.cssSelector(BUTTONS + " button:has(.glyphicon-ok)")));

    browser
        .waiting()
        .until(
            d ->
                tasks.createTaskQuery().taskId(file.checkTaskId()).singleResult().getFollowUpDate()
                    != null);
    Date followUp =
        tasks.createTaskQuery().taskId(file.checkTaskId()).singleResult().getFollowUpDate();
    assertThat(JalaliDates.dateTime(followUp.toInstant()))
        .isEqualTo(persian(String.format("%04d/%02d/%02d 14:30", year, month, 15)));
    assertThat(browser.consoleErrors()).as("Tasklist's console").isEmpty();
  }

  @Test
  void tasklistWithTheReviewAndTheClearanceFormFitsAPhoneATabletAndADesk() throws IOException {
    FileFixture review = engineeringFileAwaitingItsCheck();
    ClearanceFixture cleared =
        ClearanceFixture.at(
            ClearanceFixture.Step.CENTRAL_CHECK,
            new ClearanceFixture.Services(
                students, studyDocuments, clearance, runtime, tasks, management));
    List<String> problems = new ArrayList<>();
    taskFitsEveryWidth("clerk.eng", "review", review.checkTaskId(), review.number(), problems);
    browser.forgetSession();
    browser.viewport(1400, 1000);
    taskFitsEveryWidth(
        "central.records", "clearance", cleared.taskId(), cleared.number(), problems);
    assertThat(problems).as("Tasklist and its forms scrolling sideways or cut off").isEmpty();
  }

  /**
   * A task and its form at 390, 768 and 1,400 px: nothing past the window, the footer's line not
   * cut off.
   */
  private void taskFitsEveryWidth(
      String user, String form, String taskId, String number, List<String> problems)
      throws IOException {
    signIn(user);
    for (int width : PHONE_TO_DESK) {
      browser.viewport(width, width < 800 ? 844 : 1000);
      browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
      browser
          .waiting()
          .until(
              ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-details .names")));
      browser
          .waiting()
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("[data-pv='student'][data-student-number='" + number + "']")));
      browser.screenshot("webapps-tasklist-" + form + "-" + width);
      List<String> wider = browser.widerThanViewport();
      if (!wider.isEmpty()) {
        problems.add(form + " at " + width + " px: " + wider);
      }
      Object cut =
          ((JavascriptExecutor) browser.driver())
              .executeScript(
                  "const zone = document.querySelector('.pv-footer-zone');"
                      + " const box = zone && zone.getBoundingClientRect();"
                      + " return !zone || zone.scrollWidth > zone.clientWidth + 1 || box.left < -1"
                      + " || box.right > document.documentElement.clientWidth + 1 || box.bottom > window.innerHeight + 1;");
      if (Boolean.TRUE.equals(cut)) {
        problems.add(
            form + " at " + width + " px: the footer's time zone line is cut off or missing");
      }
    }
  }

  @Test
  void cockpitsSidebarSaysNothingIsThereInPersianAndItsNumbersInPersianDigits() throws IOException {
    FileFixture file = engineeringFileAwaitingItsCheck();
    signIn("manager");
    browser.resize(1400, 1000);
    browser.go(
        "/camunda/app/cockpit/default/#/process-instance/" + file.processInstanceId() + "/runtime");
    WebElement superInstance =
        browser
            .waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("dd.super-process-instance-id")));
    browser.waiting().until(d -> !superInstance.getText().isBlank());
    WebElement version = browser.driver().findElement(By.cssSelector("dd.definition-version"));
    browser.waiting().until(d -> !version.getText().isBlank());
    browser.screenshot("webapps-cockpit-instance-sidebar");
    assertThat(superInstance.getText()).isEqualTo("ندارد");
    assertThat(version.getText()).matches("[۰-۹]+");
    assertThat(browser.text()).doesNotContainPattern("\\bnull\\b").doesNotContain("v7.");

    String definition =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(file.processInstanceId())
            .singleResult()
            .getProcessDefinitionId();
    browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
    WebElement tag =
        browser
            .waiting()
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dd.version-tag")));
    browser.waiting().until(d -> !tag.getText().isBlank());
    assertThat(tag.getText()).doesNotContainPattern("[0-9]").doesNotContain("null");
    assertThat(browser.text()).doesNotContainPattern("\\bnull\\b");
  }

  @Test
  void adminNamesEachAuthorizationsPermissionsInPersian() throws IOException {
    signIn("admin");
    browser.resize(1400, 1000);
    for (Map.Entry<Integer, String> resource : Map.of(0, "برنامه", 6, "تعریف فرایند").entrySet()) {
      browser.go("/camunda/app/admin/default/#/authorization?resource=" + resource.getKey());
      // A new address after the hash alone keeps the last resource's rows until the new ones
      // arrive: load afresh.
      browser.driver().navigate().refresh();
      browser
          .waiting()
          .until(
              ExpectedConditions.textToBe(
                  By.cssSelector(".section-content > header h3"),
                  "مجوزهای دسترسی " + resource.getValue()));
      List<String> permissions =
          browser
              .waiting()
              .until(
                  d -> {
                    List<String> cells =
                        d.findElements(By.cssSelector("tbody td.permissions")).stream()
                            .map(WebElement::getText)
                            .map(String::strip)
                            .toList();
                    return !cells.isEmpty() && cells.stream().noneMatch(String::isEmpty)
                        ? cells
                        : null;
                  });
      browser.screenshot("webapps-admin-permissions-" + resource.getKey());
      assertThat(permissions)
          .allSatisfy(cell -> assertThat(cell).doesNotContainPattern("[A-Za-z]"));
      assertThat(browser.text())
          .doesNotContainPattern("\\b(ALL|NONE|ACCESS|READ|UPDATE|CREATE|DELETE)\\b");
    }
  }

  @Test
  void cockpitReadsRightToLeftWithSolarHijriStartTimesAndALeftToRightDiagram() throws IOException {
    FileFixture file = engineeringFileAwaitingItsCheck();
    Instant started =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(file.processInstanceId())
            .singleResult()
            .getStartTime()
            .toInstant();
    String definition =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(file.processInstanceId())
            .singleResult()
            .getProcessDefinitionId();

    browser.inTimeZone(TEHRAN.getId());
    signIn("manager");
    browser.go("/camunda/app/cockpit/default/#/dashboard");
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".pv-footer-zone")));
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard")));
    assertThat(documentDirection()).isEqualTo("rtl");
    fitsAtEveryWidth("cockpit-dashboard");
    assertThat(browser.consoleErrors()).as("Cockpit's console").isEmpty();

    browser.resize(1400, 1000);
    browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
    WebElement startTime =
        browser
            .waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.xpath(
                        "//tr[.//a[contains(@href, '"
                            + file.processInstanceId()
                            + "')]]/td[contains(@class, 'start-time')]")));
    browser.waiting().until(d -> !startTime.getText().isBlank());
    assertThat(startTime.getText()).isEqualTo(JalaliDates.dateTime(started));
    // the file's business key is its student number: a number a manager reads, in Persian digits
    WebElement businessKey =
        browser
            .driver()
            .findElement(
                By.xpath(
                    "//tr[.//a[contains(@href, '"
                        + file.processInstanceId()
                        + "')]]/td[contains(@class, 'business-key')]"));
    browser
        .waiting()
        .until(d -> businessKey.getText().equals(PersianText.toPersianDigits(file.number())));
    WebElement canvas =
        browser
            .waiting()
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container")));
    assertThat(canvas.getCssValue("direction")).isEqualTo("ltr");
    assertThat(documentDirection()).isEqualTo("rtl");
    browser.screenshot("webapps-cockpit-definition");
    assertThat(browser.consoleErrors()).as("Cockpit's console on a definition's page").isEmpty();
  }

  @Test
  void adminReadsRightToLeftWithoutConsoleErrors() throws IOException {
    signIn("admin");
    browser.go("/camunda/app/admin/default/#/users");
    // The first page of users: which ones depends on the students other tests admitted.
    browser
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("table a[href*='users/']")));
    assertThat(documentDirection()).isEqualTo("rtl");
    fitsAtEveryWidth("admin-users");
    assertThat(browser.consoleErrors()).as("Admin's console").isEmpty();
  }

  @Test
  void welcomeReadsRightToLeftInPersian() throws IOException {
    signIn("admin");
    browser.go("/camunda/app/welcome/default/");
    browser.waiting().until(d -> browser.text().contains("برنامه‌ها"));
    assertThat(documentDirection()).isEqualTo("rtl");
    browser.screenshot("webapps-welcome");
    assertThat(browser.text()).doesNotContain("Applications").doesNotContain("Welcome");
    assertThat(rawLabelKeys()).isEmpty();
  }

  @Test
  void cockpitNamesAFailedJobsIncidentAndTheZoomButtonsInPersian() throws IOException {
    FileFixture file = engineeringFileAwaitingItsCheck();
    String job =
        management
            .createJobQuery()
            .processInstanceId(file.processInstanceId())
            .list()
            .get(0)
            .getId();
    management.setJobRetries(job, 0);

    signIn("manager");
    browser.resize(1400, 1000);
    browser.go(
        "/camunda/app/cockpit/default/#/process-instance/"
            + file.processInstanceId()
            + "/runtime?tab=incidents-tab");
    WebElement type =
        browser
            .waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".incidents-tab td.type, td.type")));
    browser.waiting().until(d -> !type.getText().isBlank());
    assertThat(type.getText()).isEqualTo("کار ناموفق");
    List<String> zoom =
        browser
            .waiting()
            .until(
                d -> {
                  List<String> titles =
                      d
                          .findElements(
                              By.cssSelector(".navigation.zoom button, .navigation.reset button"))
                          .stream()
                          .map(b -> b.getAttribute("title"))
                          .toList();
                  return titles.size() == 3 ? titles : null;
                });
    assertThat(zoom).containsExactly("بزرگ‌نمایی", "کوچک‌نمایی", "اندازه اصلی");
    browser.screenshot("webapps-cockpit-incident");
    assertThat(browser.text()).doesNotContain("Failed Job").doesNotContain("Message is null");
    assertThat(rawLabelKeys()).isEmpty();
  }

  @Test
  void tasklistsListShowsItsNumbersInPersianDigits() throws IOException {
    FileFixture file = engineeringFileAwaitingItsCheck();
    signIn("clerk.eng");
    openTask(file.checkTaskId());
    browser
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list .priority")));
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".counter")));
    // The chrome around the tasks: dates, counts and priorities; not the task and process names
    // (user data).
    String chrome =
        (String)
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    """
        const parts = [];
        for (const column of document.querySelectorAll('[cam-tasklist-filters], .tasks-list')) {
          const copy = column.cloneNode(true);
          copy.querySelectorAll('.names, .task, .process-definition, input, [cam-widget-search] form')
            .forEach(e => e.remove());
          parts.push(copy.textContent);
        }
        return parts.join(' ');
        """);
    browser.screenshot("webapps-tasklist-list");
    assertThat(chrome).isNotBlank().doesNotContainPattern("[0-9]");
    assertThat(rawLabelKeys()).isEmpty();
  }

  @Test
  void mainPagesShowNoRawLabelKeysEvenOnTheFirstLoad() throws IOException {
    FileFixture file = engineeringFileAwaitingItsCheck();
    signIn("admin");
    browser.go("/camunda/app/admin/default/#/users");
    browser
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("table a[href*='users/']")));
    assertThat(rawLabelKeys()).as("Admin's users").isEmpty();
    browser.go("/camunda/app/admin/default/#/authorization?resource=6");
    WebElement heading =
        browser
            .waiting()
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".section-content > header h3")));
    browser.waiting().until(d -> !heading.getText().isBlank());
    assertThat(heading.getText()).isEqualTo("مجوزهای دسترسی تعریف فرایند");
    browser.screenshot("webapps-admin-authorizations");
    browser.go("/camunda/app/cockpit/default/#/processes");
    browser
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[href*='process-definition/']")));
    assertThat(rawLabelKeys()).as("Cockpit's processes").isEmpty();
    String definition =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(file.processInstanceId())
            .singleResult()
            .getProcessDefinitionId();
    browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("td.state, th.state")));
    browser.screenshot("webapps-cockpit-instances");
    assertThat(rawLabelKeys()).as("Cockpit's instances of a definition").isEmpty();
  }

  @Test
  void theBrowsersSolarHijriArithmeticAgreesWithJalaliDates() {
    signIn("manager");
    // Every 7 days and 5 hours from 1980 to 2100: each month, leap years of both calendars, Nowruz.
    // (Earlier, the
    // browser's and ICU4J's time zone data disagree on Tehran's offsets of 1978-79, not on the
    // calendar.)
    List<Long> instants = new ArrayList<>();
    for (Instant at = Instant.parse("1980-01-01T00:17:00Z");
        at.isBefore(Instant.parse("2100-01-01T00:00:00Z"));
        at = at.plus(173, ChronoUnit.HOURS)) {
      instants.add(at.toEpochMilli());
    }
    @SuppressWarnings("unchecked")
    List<String> shown =
        (List<String>)
            ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                    """
        const done = arguments[arguments.length - 1];
        import('/camunda/app/parvandeh/jalali.js')
          .then(j => done(arguments[0].map(ms => j.format(new Date(ms), 'YYYY/MM/DD HH:mm'))))
          .catch(e => done(['import failed: ' + e]));
        """,
                    instants);

    assertThat(shown).hasSize(instants.size());
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < instants.size(); i++) {
      Instant at = Instant.ofEpochMilli(instants.get(i));
      if (!JalaliDates.dateTime(at).equals(shown.get(i))) {
        disagreements.add(
            at + ": JalaliDates " + JalaliDates.dateTime(at) + ", browser " + shown.get(i));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  /**
   * Signs in and waits for the landing page, so the next page is asked for with the new session.
   */
  private void signIn(String user) {
    browser.signIn(user, "parvandeh");
    browser.waiting().until(ExpectedConditions.urlContains("/camunda/app/"));
  }

  /** Nothing reaches past the window at 1,400 or 768 px; a screenshot of each. */
  private void fitsAtEveryWidth(String page) throws IOException {
    for (int width : WIDTHS) {
      browser.resize(width, 1000);
      browser.screenshot("webapps-" + page + "-" + width);
      assertThat(browser.widerThanViewport()).as("%s at %d px", page, width).isEmpty();
    }
  }

  /**
   * Opens the follow-up date's editor and returns its Solar Hijri month view. A click that lands
   * while Tasklist is still drawing the task opens nothing: click again until the editor is there.
   */
  /**
   * The engineering clerk, on Tehran's clock, with the file's check claimed and its follow-up date
   * picker open.
   */
  private WebElement followUpPickerOfClaimedCheck(FileFixture file) {
    tasks.claim(file.checkTaskId(), "clerk.eng");
    browser.inTimeZone(TEHRAN.getId());
    signIn("clerk.eng");
    openTask(file.checkTaskId());
    return openFollowUpPicker();
  }

  private WebElement openFollowUpPicker() {
    return browser
        .waiting()
        .until(
            d -> {
              List<WebElement> pickers =
                  d.findElements(By.cssSelector(EDITOR + " .pv-jalali-picker"));
              if (!pickers.isEmpty() && pickers.get(0).isDisplayed()) {
                return pickers.get(0);
              }
              if (d.findElements(By.cssSelector(EDITOR)).isEmpty()) {
                d.findElements(By.cssSelector(".followup-date .view-value")).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .ifPresent(browser::press);
              }
              return null;
            });
  }

  private FileFixture engineeringFileAwaitingItsCheck() {
    return FileFixture.admit(
        port,
        FileFixture.bachelor("engineering"),
        FileFixture.ADMISSION_1402,
        true,
        students,
        runtime,
        management,
        tasks);
  }

  private void openTask(String taskId) {
    browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
    browser
        .waiting()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-details .names")));
  }

  private WebElement tab(String label) {
    return browser
        .waiting()
        .until(
            d ->
                d.findElements(By.cssSelector(".task-details .nav-tabs a")).stream()
                    .filter(a -> a.getText().strip().equals(label))
                    .findFirst()
                    .orElse(null));
  }

  /**
   * Label keys shown as they are («PLUGIN_PROCESS_INSTANCE_STATE», «USERS_USERS»):
   * angular-translate found none.
   */
  private List<String> rawLabelKeys() {
    Matcher keys = LABEL_KEY.matcher(browser.text());
    List<String> found = new ArrayList<>();
    while (keys.find()) {
      found.add(keys.group());
    }
    return found;
  }

  private String documentDirection() {
    return browser.driver().findElement(By.tagName("html")).getAttribute("dir");
  }

  /**
   * Tasklist's tooltip ("long"): «سه‌شنبه ۱۰ آذر ۱۴۰۵، ۱۴:۳۳», built from JalaliDates' date and
   * time.
   */
  static String longJalali(Instant instant) {
    int[] date = jalali(instant);
    String time = JalaliDates.dateTime(instant).split(" ")[1];
    return WEEKDAYS.get(instant.atZone(TEHRAN).getDayOfWeek())
        + " "
        + persian(date[2])
        + " "
        + MONTHS.get(date[1] - 1)
        + " "
        + persian(date[0])
        + "، "
        + time;
  }

  /** Year, month and day of JalaliDates' date (Integer.parseInt reads Persian digits). */
  static int[] jalali(Instant instant) {
    String[] parts = JalaliDates.date(instant).split("/");
    return new int[] {
      Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])
    };
  }

  static String persian(Object value) {
    return PersianText.toPersianDigits(String.valueOf(value));
  }
}
