package app.parvandeh.note.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtlTextTests {

  private final RtlText text = new RtlText(null, c -> true);

  @Test
  void aStoredRightToLeftOverrideDoesNotDisguiseAFileNameInTheReport() {
    assertThat(text.visual("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
    assertThat(text.visual("scan\u2067fdp.exe\u2069")).isEqualTo("scanfdp.exe");
  }
}
