package app.parvandeh.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.student.Degree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CohortRowRulesTests {

  @ParameterizedTest(name = "U+{0} between the words of a degree level")
  @ValueSource(ints = {0x0020, 0x00A0, 0x202F, 0x2007, 0x2009, 0x3000, 0x200C})
  void aDegreeLevelWithAnyUnicodeSpaceBetweenItsWordsIsKnown(int space) {
    char c = (char) space;
    assertThat(CohortRowRules.degree(c + "کارشناسی" + c + c + "ارشد" + c)).isEqualTo(Degree.MASTER);
  }
}
