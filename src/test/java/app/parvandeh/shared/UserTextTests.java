package app.parvandeh.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.parvandeh.shared.UserText.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTextTests {

  static final Field NAME = Field.name("file-name", "نام فایل", "file name", 10);
  static final Field PROSE = Field.prose("note-body", "متن یادداشت", "note text", 10);

  @ParameterizedTest(name = "U+{0} in a name is refused")
  @ValueSource(
      ints = {
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
        0x061C
      })
  void everyBidiControlIsRefusedInANameAndDroppedFromProse(int control) {
    String text = "ab" + (char) control + "cd";
    assertThatThrownBy(() -> UserText.clean(text, NAME))
        .isInstanceOfSatisfying(
            ParvandehException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("file-name-bidi-control");
              assertThat(e.messageEn()).contains(String.format("U+%04X", control));
              assertThat(e.messageFa()).contains("نام فایل");
            });
    assertThat(UserText.clean(text, PROSE)).isEqualTo("abcd");
  }

  @ParameterizedTest(name = "U+{0} is refused in names and prose")
  @ValueSource(ints = {0x00, 0x01, 0x07, 0x1B, 0x7F, 0x85, 0x9F})
  void nulAndOtherControlCharactersAreRefusedEverywhere(int control) {
    String text = "ab" + (char) control;
    for (Field field : new Field[] {NAME, PROSE}) {
      assertThatThrownBy(() -> UserText.clean(text, field))
          .isInstanceOfSatisfying(
              ParvandehException.class,
              e -> assertThat(e.code()).isEqualTo(field.code() + "-control-character"));
    }
  }

  @Test
  void proseKeepsLineBreaksAndANameDoesNot() {
    assertThat(UserText.clean("یک\nدو\tسه", PROSE)).isEqualTo("یک\nدو\tسه");
    assertThatThrownBy(() -> UserText.clean("یک\nدو", NAME)).isInstanceOf(ParvandehException.class);
  }

  @Test
  void persianJoinersStay() {
    assertThat(UserText.clean("می‌شود", NAME)).isEqualTo("می‌شود");
  }

  @Test
  void theLimitIsTheColumnsAndCountsTheStrippedText() {
    assertThat(UserText.clean("  ۱۲۳۴۵۶۷۸۹۰  ", NAME)).isEqualTo("۱۲۳۴۵۶۷۸۹۰");
    assertThatThrownBy(() -> UserText.clean("12345678901", NAME))
        .isInstanceOfSatisfying(
            ParvandehException.class,
            e -> {
              assertThat(e.code()).isEqualTo("file-name-too-long");
              assertThat(e.messageEn()).contains("at most 10 characters; 11 were sent");
              assertThat(e.messageFa()).contains("۱۰").contains("۱۱");
            });
    assertThat(UserText.optional("   ", NAME)).isNull();
    assertThat(UserText.clean(null, NAME)).isEmpty();
  }
}
