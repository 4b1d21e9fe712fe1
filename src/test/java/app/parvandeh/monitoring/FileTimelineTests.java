package app.parvandeh.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An open step reads as what it is: a file waiting for an event is «در انتظار», not work «در
 * جریان».
 */
class FileTimelineTests {

  @Test
  void aFileMerelyWaitingForTheEndOfStudyIsWaitingNotInProgress() {
    assertThat(FileTimeline.stateOf("intermediateMessageCatch", true)).isEqualTo("در انتظار");
    assertThat(FileTimeline.stateOf("intermediateTimer", true)).isEqualTo("در انتظار");
    assertThat(FileTimeline.stateOf("userTask", true)).isEqualTo("در دست انجام");
    assertThat(FileTimeline.stateOf("serviceTask", true)).isEqualTo("در جریان");
    assertThat(FileTimeline.stateOf("intermediateMessageCatch", false)).isEqualTo("انجام شد");
  }
}
