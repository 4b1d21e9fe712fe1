package app.parvandeh.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.intake.internal.CohortRowRules.Judgement;
import app.parvandeh.student.Degree;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CohortRowRulesTests {

  private static Judgement judge(String nationalId) {
    String[] values = {
      "4051100001",
      nationalId,
      "نگار",
      "صادقی",
      "",
      "engineering",
      "کارشناسی",
      "",
      "1402",
      "سراسری",
      "false"
    };
    Map<String, String> cells = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      cells.put(CohortRowRules.COLUMNS.get(i), values[i]);
    }
    return CohortRowRules.judge(new CohortRow(1L, 1, cells), code -> true, 1404);
  }

  @ParameterizedTest(name = "U+{0} between the words of a degree level")
  @ValueSource(ints = {0x0020, 0x00A0, 0x202F, 0x2007, 0x2009, 0x3000, 0x200C})
  void aDegreeLevelWithAnyUnicodeSpaceBetweenItsWordsIsKnown(int space) {
    char c = (char) space;
    assertThat(CohortRowRules.degree(c + "کارشناسی" + c + c + "ارشد" + c)).isEqualTo(Degree.MASTER);
  }

  @ParameterizedTest(name = "national ID «{0}» is accepted")
  @ValueSource(
      strings = {
        "001-234567-9",
        "001 234567 9",
        "۰۰۱-۲۳۴۵۶۷-۹",
        "001 - 234567 - 9",
        "001\u00A0234567\u00A09",
        "12-345679",
        "0012345679"
      })
  void aNationalIdWithDashesOrSpacesBetweenItsDigitGroupsIsAccepted(String typed) {
    Judgement judgement = judge(typed);

    assertThat(judgement.refusal()).isNull();
    assertThat(judgement.candidate().student().nationalId()).isEqualTo("0012345679");
  }

  @ParameterizedTest(name = "national ID «{0}» is refused")
  @ValueSource(
      strings = {
        "001.234567.9",
        "001/234567/9",
        "001_234567_9",
        "-0012345679",
        "0012345679-",
        "001-234567-8",
        "1-2-3-4-5-6-7",
        "001-234567-9-1"
      })
  void aNationalIdWithOtherSeparatorsOrBrokenDigitsIsRefused(String typed) {
    Judgement judgement = judge(typed);

    assertThat(judgement.refusal()).isNotNull();
    assertThat(judgement.refusal().field()).isEqualTo("national_id");
  }
}
