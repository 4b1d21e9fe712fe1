package app.parvandeh.student;

import app.parvandeh.shared.PersianText;
import app.parvandeh.shared.TypedNumbers.Reading;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What admission knows of a new student; numbers may be typed with Persian or Arabic digits. */
public record NewStudent(
    @NotBlank @Size(max = 20) String studentNumber,
    @NotBlank @Size(max = 20) String nationalId,
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @NotBlank String facultyCode,
    @NotNull Degree degree,
    @Min(1300) @Max(1500) int entryYear,
    @NotNull AdmissionType admissionType,
    boolean brilliantTalent) {

  /** The oldest entry year of a file still kept. */
  public static final int FIRST_ENTRY_YEAR = 1300;

  /**
   * Why an entry year is refused, or null: a Solar Hijri year from {@link #FIRST_ENTRY_YEAR} to
   * next year ({@code currentYear} + 1: next year's entrants are admitted early; a later year is a
   * typo). The same through the API and a cohort list.
   */
  public static Reading entryYearProblem(int year, int currentYear) {
    if (year >= FIRST_ENTRY_YEAR && year <= currentYear + 1) {
      return null;
    }
    return Reading.refused(
        "سال ورود باید سالی چهاررقمی از "
            + PersianText.toPersianDigits(String.valueOf(FIRST_ENTRY_YEAR))
            + " تا "
            + PersianText.toPersianDigits(String.valueOf(currentYear + 1))
            + " (هجری شمسی) باشد.",
        "The entry year must be a Solar Hijri year from "
            + FIRST_ENTRY_YEAR
            + " to "
            + (currentYear + 1)
            + ".");
  }
}
