package app.parvandeh.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.monitoring.FileTimeline.Step;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import app.parvandeh.support.DueJobs;
import app.parvandeh.support.ParvandehIntegrationTest;
import app.parvandeh.support.TestStudents;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An overdue task shows on the file's timeline once per time it fell overdue, named for the task
 * and for what followed (a reminder to its group, or managers asked to follow up), not as the event
 * sub-process's start, its steps and its end.
 */
@ParvandehIntegrationTest
class OverdueOnTheFileTimelineTests {

  private static final String CHECK = "Task_CheckFileClearance";

  @Autowired StudentService students;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired FileTimeline timeline;

  @Test
  void eachTimeATaskFellOverdueIsOneLineNamingTheTaskAndWhatFollowed() {
    StudentRef student =
        students.admit(TestStudents.newStudent("engineering", 1402, false), "admission-office");
    String file = DueJobs.fileInstanceOf(runtime, student.studentNumber());
    DueJobs.run(management, file);
    runtime
        .createProcessInstanceModification(file)
        .startBeforeActivity(CHECK)
        .setVariable("clearanceGroup", "central-records")
        .execute();
    List<Job> timers =
        management
            .createJobQuery()
            .processInstanceId(file)
            .activityId(CHECK)
            .timers()
            .orderByJobDuedate()
            .asc()
            .list();
    assertThat(timers).hasSize(2);

    management.executeJob(timers.get(0).getId()); // the reminder's moment
    DueJobs.run(management, file);
    management.executeJob(timers.get(1).getId()); // the escalation's
    DueJobs.run(management, file);

    List<Step> steps = timeline.of(student.studentNumber());
    String check =
        steps.stream()
            .filter(s -> s.activityId().equals(CHECK))
            .findFirst()
            .orElseThrow()
            .activityName();
    List<Step> overdue =
        steps.stream()
            .filter(s -> s.activityName().contains("مهلت") || s.activityName().contains("معطل"))
            .toList();
    assertThat(overdue)
        .extracting(Step::activityName)
        .containsExactly(
            "«" + check + "» از مهلتش گذشت: یادآوری به گروهش",
            "«" + check + "» از مهلتش گذشت: پیگیری مدیران");
    assertThat(overdue).extracting(Step::open).containsExactly(false, true);
    assertThat(overdue.get(1).stateLabel()).isEqualTo("در دست انجام");

    runtime.deleteProcessInstance(file, "test over");
  }
}
