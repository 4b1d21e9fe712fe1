package app.parvandeh.student;

import app.parvandeh.shared.TypedNumbers;
import app.parvandeh.shared.TypedNumbers.Reading;

/** The student number Golestan gives: 5 to 20 digits, read the same way through every door. */
public final class StudentNumber {

  private StudentNumber() {}

  /** The digits, or why the text is no student number ({@link TypedNumbers#digits}). */
  public static Reading read(String typed) {
    return TypedNumbers.digits(typed, "شماره دانشجویی", "The student number", 5, 20);
  }
}
