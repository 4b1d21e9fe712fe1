package app.parvandeh.bench;

import app.parvandeh.ParvandehApplication;
import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.NewStudent;
import app.parvandeh.student.StudentService;
import app.parvandeh.workflow.StudentFileProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Opening files: our way (a student admitted through {@link StudentService#admit}, as the API and
 * the cohort import do: the student row, the login, the audit line and {@code StudentFileProcess},
 * then its first asynchronous step, the RequiredDocuments DMN, run by the job executor) against the
 * bare engine starting a one-user-task process with two variables, in the same JVM on the same
 * database, alternating rounds so both see the same machine load. The application's arguments
 * (database, data folder, port) are this program's arguments; see bench/opening.sh. Not part of the
 * normal build (the name ends in Bench); {@code -Pbench} runs it.
 */
public class OpeningFilesBench {

  static final String BARE_PROCESS = "BenchBareOneTask";

  @Test
  void opensFiles() throws Exception {
    main(BenchSupport.argsFromProperty());
  }

  public static void main(String[] args) throws Exception {
    int files = Integer.getInteger("bench.files", 5000);
    int rounds = Integer.getInteger("bench.rounds", 5);
    int warmUp = Integer.getInteger("bench.warmup", 100);
    // bench.sql.top=N: also print, per round, the N statements each side sent most (per file)
    int sqlTop = Integer.getInteger("bench.sql.top", 0);
    StatementCounter counter = new StatementCounter();
    SpringApplication application = new SpringApplication(ParvandehApplication.class);
    application.addInitializers(c -> c.getBeanFactory().addBeanPostProcessor(counter.wrapper()));
    ConfigurableApplicationContext context = application.run(args);
    try {
      StudentService students = context.getBean(StudentService.class);
      RuntimeService runtime = context.getBean(RuntimeService.class);
      ManagementService management = context.getBean(ManagementService.class);
      deployBare(context.getBean(RepositoryService.class));
      Opener ours = new Opener(students, management);
      String prefix = String.valueOf(System.currentTimeMillis() % 1_000_000);
      // warm-up of both (JIT, caches), not counted
      ours.open(prefix + "0", warmUp);
      bare(runtime, prefix + "0", warmUp);
      int perRound = files / rounds;
      List<double[]> results = new ArrayList<>();
      System.out.println(
          "BENCH | round | files | ours: commit s | ours: through DMN s | ours files/s | ours CPU ms/file"
              + " | ours SQL/file | bare s | bare files/s | bare CPU ms/file | bare SQL/file | ratio | load avg");
      for (int round = 1; round <= rounds; round++) {
        String key = prefix + round;
        double[] o;
        double[] b;
        long oursStatements;
        long bareStatements;
        // alternate which goes first, so a drift of the machine's load does not favour one side
        Map<String, Long> start = counter.bySql();
        Map<String, Long> between;
        if (round % 2 == 1) {
          long before = counter.count();
          o = ours.open(key, perRound);
          oursStatements = counter.count() - before - (long) o[3];
          between = counter.bySql();
          b = bare(runtime, key, perRound);
          bareStatements = counter.count() - before - oursStatements - (long) o[3];
        } else {
          long before = counter.count();
          b = bare(runtime, key, perRound);
          bareStatements = counter.count() - before;
          between = counter.bySql();
          o = ours.open(key, perRound);
          oursStatements = counter.count() - before - bareStatements - (long) o[3];
        }
        if (sqlTop > 0) {
          Map<String, Long> end = counter.bySql();
          boolean oursFirst = round % 2 == 1;
          StatementCounter.printTop(
              "ours", oursFirst ? start : between, oursFirst ? between : end, perRound, sqlTop);
          StatementCounter.printTop(
              "bare", oursFirst ? between : start, oursFirst ? end : between, perRound, sqlTop);
        }
        double oursRate = perRound / o[1];
        double bareRate = perRound / b[0];
        results.add(new double[] {oursRate, bareRate, oursRate / bareRate});
        System.out.printf(
            "BENCH | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f %% | %s%n",
            round,
            perRound,
            o[0],
            o[1],
            oursRate,
            o[2] / perRound,
            (double) oursStatements / perRound,
            b[0],
            bareRate,
            b[1] / perRound,
            (double) bareStatements / perRound,
            100 * oursRate / bareRate,
            BenchSupport.loadAverage());
      }
      System.out.printf(
          "BENCH median | ours %.1f files/s | bare %.1f files/s | ratio %.0f %% (of the rounds' ratios)%n",
          BenchSupport.median(results, 0),
          BenchSupport.median(results, 1),
          100 * BenchSupport.median(results, 2));
    } finally {
      context.close();
    }
  }

  static void deployBare(RepositoryService repository) {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(BARE_PROCESS)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .userTask("Task_Bare")
            .camundaAssignee("${studentUserId}")
            .endEvent()
            .done();
    repository
        .createDeployment()
        .name("bench-bare")
        .addModelInstance("bench-bare.bpmn", model)
        .deploy();
  }

  /** {wall seconds, CPU milliseconds of the whole JVM}. */
  static double[] bare(RuntimeService runtime, String prefix, int count) {
    long cpu = BenchSupport.cpuNanos();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String number = prefix + String.format("%05d", i);
      runtime.startProcessInstanceByKey(
          BARE_PROCESS,
          "bare-" + number,
          Variables.createVariables()
              .putValue("studentNumber", number)
              .putValue("studentUserId", "s" + number));
    }
    return new double[] {(System.nanoTime() - start) / 1e9, (BenchSupport.cpuNanos() - cpu) / 1e6};
  }

  /**
   * Admits students the product's way and waits until the job executor has run each new file's DMN
   * step.
   */
  record Opener(StudentService students, ManagementService management) {

    /**
     * {seconds until the last commit, seconds until the last DMN step, CPU milliseconds of the
     * whole JVM, job queries made while waiting (one statement each, taken out of the statement
     * count)}.
     */
    double[] open(String prefix, int count) throws InterruptedException {
      long cpu = BenchSupport.cpuNanos();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        String number = "9" + prefix + String.format("%05d", i);
        students.admit(
            new NewStudent(
                number,
                BenchSupport.nationalId(number),
                "نرگس",
                "کاظمی",
                "engineering",
                Degree.BACHELOR,
                1405,
                AdmissionType.REMOTE,
                false),
            "bench");
      }
      long committed = System.nanoTime();
      long deadline = committed + 600_000_000_000L;
      int polls = 1;
      for (;
          management
                  .createJobQuery()
                  .processDefinitionKey(StudentFileProcess.PROCESS_ID)
                  .activityId("Task_DetermineRequiredDocuments")
                  .count()
              > 0;
          polls++) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the DMN steps did not finish within 10 minutes");
        }
        Thread.sleep(20);
      }
      long done = System.nanoTime();
      return new double[] {
        (committed - start) / 1e9,
        (done - start) / 1e9,
        (BenchSupport.cpuNanos() - cpu) / 1e6,
        polls
      };
    }
  }
}
