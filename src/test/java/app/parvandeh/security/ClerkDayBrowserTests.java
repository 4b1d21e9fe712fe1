package app.parvandeh.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.clearance.GraduationClearance;
import app.parvandeh.demo.DemoFiles;
import app.parvandeh.document.DocumentCorrections;
import app.parvandeh.document.DocumentStatus;
import app.parvandeh.note.NoteService;
import app.parvandeh.note.NoteView;
import app.parvandeh.shared.PersianText;
import app.parvandeh.student.FileStage;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.student.StudentStatus;
import app.parvandeh.studydocs.StudyDocumentWorkflow;
import app.parvandeh.support.BrowserTest;
import app.parvandeh.support.DueJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A clerk's day as each demo role sees it in headless Chromium: every role's working screen fits a
 * phone (390 px), a tablet (768 px) and a desk (1,400 px) without sideways scrolling; the task list
 * says whose file each task is; a process owner lands in Cockpit and is told in Persian, on our
 * layout, when a screen is not theirs; a student signs in typing the national ID in Persian digits.
 * Screenshots in {@code target/browser-screenshots/day-*}.
 */
class ClerkDayBrowserTests extends BrowserTest {

  static final int[] WIDTHS = {390, 768, 1400};

  @Autowired StudentService students;
  @Autowired DocumentCorrections documents;
  @Autowired NoteService notes;
  @Autowired GraduationClearance clearance;
  @Autowired StudyDocumentWorkflow studyDocuments;
  @Autowired IdentityService identity;

  record Screen(String name, String user, String password, String path, String loadedText) {}

  @Test
  void everyRolesWorkingScreenFitsAPhoneATabletAndADesk() throws IOException {
    List<Screen> screens =
        List.of(
            new Screen("portal", "4021100001", "0012345679", "/portal/", "مدارک"),
            new Screen("file", "clerk.eng", "parvandeh", "/file/?n=4021100001", "گردش کار پرونده"),
            new Screen("stuck", "manager", "parvandeh", "/reports/stuck.html", "پرونده‌های معطل"),
            new Screen(
                "notes", "central.records", "parvandeh", "/reports/notes.html", "گزارش ۱۱۲"));
    List<String> problems = new ArrayList<>();
    String signedIn = null;
    for (Screen screen : screens) {
      if (!screen.user().equals(signedIn)) {
        browser.forgetSession();
        browser.viewport(1400, 1000);
        browser.signIn(screen.user(), screen.password());
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        signedIn = screen.user();
      }
      for (int width : WIDTHS) {
        browser.viewport(width, width < 800 ? 844 : 1000);
        browser.go(screen.path());
        browser.waiting().until(d -> browser.text().contains(screen.loadedText()));
        browser.waiting().until(d -> !browser.text().contains("در حال دریافت"));
        browser.screenshot("day-" + screen.name() + "-" + width);
        List<String> overflow = browser.sidewaysOverflow();
        if (!overflow.isEmpty()) {
          problems.add(screen.name() + " at " + width + " px: " + overflow);
        }
      }
    }
    assertThat(problems).as("screens that scroll sideways").isEmpty();
  }

  @Test
  void theTaskListSaysWhoseFileEachTaskIs() throws IOException {
    FileFixture file =
        FileFixture.admit(
            port,
            FileFixture.bachelor("engineering"),
            FileFixture.ADMISSION_1402,
            true,
            students,
            runtime,
            management,
            tasks);
    String number = PersianText.toPersianDigits(file.number());

    browser.signIn("clerk.eng", "parvandeh");
    FluentWait<WebDriver> wait = browser.waiting();
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    wait.until(d -> !d.findElements(By.cssSelector(".tasks-list li, [cam-tasks] li")).isEmpty());
    wait.until(d -> browser.text().contains(number + " " + file.student().fullName()));
    browser.screenshot("day-tasklist-names");

    browser.go("/camunda/app/tasklist/default/#/?task=" + file.checkTaskId());
    wait.until(
        d ->
            !d.findElements(
                    By.cssSelector(
                        "[data-pv='student'][data-student-number='" + file.number() + "']"))
                .isEmpty());
    assertThat(browser.driver().findElement(By.cssSelector("[data-pv='student']")).getText())
        .contains(number, file.student().fullName());
  }

  @Test
  void aLetterFromTasklistsStartFormIsStoredAndNotedInOneStepAndShownAsRecorded()
      throws IOException {
    StudentRef student = students.admit(FileFixture.bachelor("engineering"), "admission-office");
    Path letter =
        Files.createDirectories(Path.of("target", "browser-uploads")).resolve("letter.pdf");
    Files.write(letter, DemoFiles.pdf("office letter"));

    browser.signIn("clerk.eng", "parvandeh");
    FluentWait<WebDriver> wait = browser.waiting();
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    browser.press(
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[span[contains(@class,'glyphicon-list-alt')]]"))));
    wait.until(
            d ->
                d.findElements(By.cssSelector("div.modal-content ul.processes a")).stream()
                    .anyMatch(a -> a.getText().contains("ثبت مدرک صادرشده")))
        .booleanValue();
    browser.driver().findElements(By.cssSelector("div.modal-content ul.processes a")).stream()
        .filter(a -> a.getText().contains("ثبت مدرک صادرشده"))
        .findFirst()
        .ifPresent(browser::press);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-pv='q']")))
        .sendKeys(student.studentNumber());
    browser.press(
        wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("[data-pv='results'] button"))));
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(
                "[data-pv='student'][data-student-number='" + student.studentNumber() + "']")));
    browser
        .driver()
        .findElement(By.cssSelector("[data-pv='file']"))
        .sendKeys(letter.toAbsolutePath().toString());
    browser.driver().findElement(By.cssSelector("[data-pv='number']")).sendKeys("۱۲۳/۴۵");
    browser.driver().findElement(By.cssSelector("[data-pv='date']")).sendKeys("۱۴۰۴/۰۲/۰۳");
    browser
        .driver()
        .findElement(By.cssSelector("[data-pv='description']"))
        .sendKeys("گواهی اشتغال به تحصیل");
    browser.screenshot("day-start-form-letter");
    browser.press(browser.driver().findElement(By.cssSelector(".modal-footer button.btn-primary")));

    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div.modal-content")));
    List<String> instances =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("StudyDocumentProcess")
            .processInstanceBusinessKey(student.studentNumber())
            .list()
            .stream()
            .map(p -> p.getId())
            .toList();
    assertThat(instances).as("one process notes the letter").hasSize(1);
    DueJobs.run(management, instances.get(0));
    assertThat(documents.documentsOf(student.id()))
        .filteredOn(d -> "OFFICE_AUTOMATION".equals(d.source()))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(DocumentStatus.RECORDED));
    assertThat(notes.notesOf(student.id())).extracting(NoteView::kind).contains("STUDY_DOCUMENT");
  }

  @Test
  void aFacultyClerkDeclaresTheEndOfStudyOnTheFilePage() throws IOException {
    StudentRef student = students.admit(FileFixture.bachelor("engineering"), "admission-office");
    String instance = DueJobs.fileInstanceOf(runtime, student.studentNumber());
    runtime
        .createProcessInstanceModification(instance)
        .cancelAllForActivity("Task_DetermineRequiredDocuments")
        .startBeforeActivity("Event_StudyEnded")
        .execute();
    students.moveToStage(student.studentNumber(), FileStage.DURING_STUDY);

    browser.signIn("clerk.eng", "parvandeh");
    FluentWait<WebDriver> wait = browser.waiting();
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
    browser.go("/file/?n=" + student.studentNumber());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("study-end-form")));
    new Select(
            browser.driver().findElement(By.cssSelector("#study-end-form select[name='reason']")))
        .selectByValue("WITHDRAWN");
    browser.press(
        browser.driver().findElement(By.cssSelector("#study-end-form input[name='confirm']")));
    browser.screenshot("day-study-end-form");
    browser.press(
        browser.driver().findElement(By.cssSelector("#study-end-form button[type='submit']")));

    wait.until(
        d ->
            students.get(student.studentNumber()).status() != StudentStatus.ACTIVE
                || !tasks.createTaskQuery().processInstanceId(instance).list().isEmpty()
                || management.createJobQuery().processInstanceId(instance).count() > 0);
    DueJobs.run(management, instance);
    assertThat(students.get(student.studentNumber()).status()).isEqualTo(StudentStatus.WITHDRAWN);
    wait.until(d -> browser.text().contains("انصراف"));
    browser.screenshot("day-study-end-recorded");
  }

  @Test
  void aProcessOwnerLandsInCockpitAndIsToldInPersianWhenTasklistIsNotTheirs() throws IOException {
    browser.signIn("process.owner", "parvandeh");
    FluentWait<WebDriver> wait = browser.waiting();
    wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/"));
    browser.screenshot("day-process-owner-landing");

    browser.go("/camunda/app/tasklist/default/");
    wait.until(d -> browser.text().contains("اجازه دیدن این صفحه را ندارید"));
    browser.screenshot("day-process-owner-tasklist-refused");
    assertThat(browser.text()).contains("۴۰۳", "رفتن به صفحه کار من").doesNotContain("Whitelabel");
    assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("dir"))
        .isEqualTo("rtl");
    browser.driver().findElement(By.linkText("رفتن به صفحه کار من")).click();
    wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/"));
  }

  @Test
  void theClearanceFormAndTheFilesTimelineNamePeopleWithTheirLoginOnlyAsATooltip()
      throws IOException {
    ClearanceFixture file =
        ClearanceFixture.at(
            ClearanceFixture.Step.CENTRAL_CHECK,
            new ClearanceFixture.Services(
                students, studyDocuments, clearance, runtime, tasks, management));
    tasks.claim(file.taskId(), "central.records");
    FluentWait<WebDriver> wait = browser.waiting();
    browser.signIn("central.records", "parvandeh");
    wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));

    browser.go("/camunda/app/tasklist/default/#/?task=" + file.taskId());
    WebElement author =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".pv-note .pv-author")));
    browser.screenshot("day-clearance-note-author");
    assertThat(author.getText()).isEqualTo(fullName("clerk.eng"));
    assertThat(author.getAttribute("title")).isEqualTo("clerk.eng");
    assertThat(browser.driver().findElement(By.cssSelector("[data-pv='notes']")).getText())
        .doesNotContain("clerk.eng");

    browser.go("/file/?n=" + file.number());
    WebElement assignee =
        wait.until(
            d ->
                d.findElements(By.cssSelector("#timeline td[title='central.records']")).stream()
                    .findFirst()
                    .orElse(null));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", assignee);
    browser.screenshot("day-file-timeline-names");
    assertThat(assignee.getText()).isEqualTo(fullName("central.records"));
    assertThat(browser.driver().findElement(By.id("timeline")).getText())
        .doesNotContain("central.records");
    WebElement noteAuthor = browser.driver().findElement(By.cssSelector("#notes .note-author"));
    assertThat(noteAuthor.getText()).isEqualTo(fullName("clerk.eng"));
    assertThat(noteAuthor.getAttribute("title")).isEqualTo("clerk.eng");
    assertThat(browser.driver().findElement(By.id("notes")).getText()).doesNotContain("clerk.eng");
  }

  private String fullName(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    return user.getFirstName() + " " + user.getLastName();
  }

  @Test
  void aStudentSignsInTypingTheNationalIdInPersianDigits() throws IOException {
    browser.signIn("۴۰۲۱۱۰۰۰۰۱", "۰۰۱۲۳۴۵۶۷۹");

    browser.waiting().until(ExpectedConditions.urlContains("/portal/"));
    browser.waiting().until(d -> browser.text().contains("نگار"));
    browser.screenshot("day-student-persian-digits");
  }
}
