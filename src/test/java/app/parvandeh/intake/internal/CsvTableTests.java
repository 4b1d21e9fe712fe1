package app.parvandeh.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableTests {

  private static final List<String> COLUMNS = List.of("student_number", "national_id");

  private static CsvTable read(String csv) {
    return CsvTable.read(csv.getBytes(StandardCharsets.UTF_8), COLUMNS, 100);
  }

  @ParameterizedTest(name = "a header cell with U+{0} still names its column")
  @ValueSource(ints = {0x00A0, 0x202F, 0x2009, 0x3000, 0x200E, 0x200F, 0xFEFF})
  void aHeaderCellWithAnInvisibleOrUnicodeSpaceCharacterStillNamesItsColumn(int character) {
    char c = (char) character;
    CsvTable table =
        read("\uFEFF" + c + "Student_Number" + c + ",national_id" + c + "\r\n4051100001,1234\r\n");

    assertThat(table.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("student_number")).isEqualTo("4051100001");
              assertThat(row.get("national_id")).isEqualTo("1234");
            });
  }
}
