package app.parvandeh.preservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * File names in an export: Persian kept, anything that could escape a folder or disguise a name
 * removed.
 */
class ExportNamesTests {

  @Test
  void persianNamesWithZeroWidthNonJoinerAreKeptAsTheyAre() {
    assertThat(ExportNames.sanitize("کارت ملی.png")).isEqualTo("کارت ملی.png");
    assertThat(ExportNames.sanitize("گواهی\u200Cنامه ۱۴۰۳.pdf"))
        .isEqualTo("گواهی\u200Cنامه ۱۴۰۳.pdf");
  }

  @Test
  void pathSeparatorsAndReservedCharactersCannotLeaveTheFolder() {
    assertThat(ExportNames.sanitize("../../etc/passwd")).isEqualTo("_.._etc_passwd");
    assertThat(ExportNames.sanitize("..\\..\\boot.ini")).isEqualTo("_.._boot.ini");
    assertThat(ExportNames.sanitize("a:b*c?d\"e<f>g|h%20.pdf")).isEqualTo("a_b_c_d_e_f_g_h_20.pdf");
    assertThat(ExportNames.sanitize("..")).isEqualTo("file");
    assertThat(ExportNames.sanitize(".hidden")).isEqualTo("hidden");
    assertThat(ExportNames.sanitize("CON.pdf")).isEqualTo("_CON.pdf");
  }

  @Test
  void controlAndBidiOverrideCharactersAreRemoved() {
    assertThat(ExportNames.sanitize("نامه\n\r\t.pdf")).isEqualTo("نامه.pdf");
    assertThat(ExportNames.sanitize("a\u0000b\u0007c.pdf")).isEqualTo("abc.pdf");
    // U+202E would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
    assertThat(ExportNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    assertThat(ExportNames.sanitize("  دو   فاصله  .pdf ")).isEqualTo("دو فاصله .pdf");
  }

  @Test
  void emptyNamesGetAPlaceholder() {
    assertThat(ExportNames.sanitize(null)).isEqualTo("file");
    assertThat(ExportNames.sanitize("\u0000\u0001")).isEqualTo("file");
  }

  @Test
  void longNamesAreCutToTheByteBoundKeepingTheExtensionAndWholeLetters() {
    String name = "م".repeat(300) + ".pdf";
    String safe = ExportNames.sanitize(name);
    assertThat(safe.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(ExportNames.MAX_BYTES);
    assertThat(safe).endsWith(".pdf").startsWith("مممم");
    assertThat(safe.replace(".pdf", "")).matches("م+");
    String emoji = "\uD83D\uDCC4".repeat(100) + ".jpg";
    String cut = ExportNames.sanitize(emoji, 30);
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(30);
    assertThat(cut).isEqualTo("\uD83D\uDCC4".repeat(6) + ".jpg");
  }
}
