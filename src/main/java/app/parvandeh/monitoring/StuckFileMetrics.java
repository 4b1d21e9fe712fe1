package app.parvandeh.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The stuck-files report's figures as gauges ({@code parvandeh_stuck_files{faculty,step,reason}} on
 * {@code /actuator/prometheus}), refreshed every minute so a scrape never runs the report itself.
 */
@Component
public class StuckFileMetrics {

  static final String METRIC = "parvandeh.stuck.files";

  private final StuckFiles stuckFiles;
  private final MultiGauge gauge;

  StuckFileMetrics(StuckFiles stuckFiles, MeterRegistry registry) {
    this.stuckFiles = stuckFiles;
    this.gauge =
        MultiGauge.builder(METRIC)
            .description(
                "Student files stuck at a step: overdue task, incident, or no progress for the idle days")
            .baseUnit("files")
            .register(registry);
  }

  @Scheduled(
      initialDelayString = "${parvandeh.stuck.metrics-delay:PT1M}",
      fixedDelayString = "${parvandeh.stuck.metrics-delay:PT1M}")
  public void refresh() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (StuckFiles.StepCount count :
        stuckFiles.report(stuckFiles.defaultIdleDays()).byFacultyAndStep()) {
      Tags tags = Tags.of("faculty", count.facultyCode(), "step", count.stepId());
      rows.add(MultiGauge.Row.of(tags.and("reason", "overdue"), count.overdue()));
      rows.add(MultiGauge.Row.of(tags.and("reason", "incident"), count.incidents()));
      rows.add(MultiGauge.Row.of(tags.and("reason", "idle"), count.idle()));
    }
    gauge.register(rows, true);
  }
}
