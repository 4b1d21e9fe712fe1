package app.parvandeh.support;

import app.parvandeh.student.AdmissionType;
import app.parvandeh.student.Degree;
import app.parvandeh.student.NewStudent;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh students with unique numbers and valid national IDs, so tests never collide. The numbers of
 * one test run follow each other from a random start: random numbers alone collided within a run (a
 * suite makes about 2,000 students of the same entry year in 900,000 numbers, so two equal numbers
 * are more likely than not), and the random start keeps a kept database's earlier runs out of the
 * way.
 */
public final class TestStudents {

  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(900000));

  /**
   * National IDs follow each other too: one person may hold one active file per degree, so two
   * students of a run who drew the same random ID would refuse each other.
   */
  private static final AtomicInteger NEXT_NATIONAL_ID =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(999_000_000));

  private TestStudents() {}

  public static NewStudent newStudent(String facultyCode, int entryYear, boolean brilliantTalent) {
    String number =
        String.valueOf(entryYear) + (100000 + Math.floorMod(NEXT.getAndIncrement(), 900000));
    return new NewStudent(
        number,
        nationalId(),
        "سمیرا",
        "كريمي",
        facultyCode,
        Degree.BACHELOR,
        entryYear,
        AdmissionType.REMOTE,
        brilliantTalent);
  }

  /**
   * Nine digits, the next of this run's (from a random start, so a kept database's earlier runs
   * stay out of the way), and the check digit the national ID rule asks for.
   */
  public static String nationalId() {
    return withCheckDigit(
        String.format("%09d", 1 + Math.floorMod(NEXT_NATIONAL_ID.getAndIncrement(), 999_999_998)));
  }

  /**
   * A national ID whose first two digits are zeros, the ones a spreadsheet drops; drawn from a
   * range of its own, far from {@link #nationalId()}'s run but for a chance of about one in 50,000.
   */
  public static String nationalIdWithLeadingZeros() {
    return withCheckDigit(
        String.format(
            "00%07d", 1_000_000 + Math.floorMod(NEXT_ZEROED.getAndIncrement(), 8_999_999)));
  }

  private static final AtomicInteger NEXT_ZEROED =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(8_999_999));

  private static String withCheckDigit(String first) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (first.charAt(i) - '0') * (10 - i);
    }
    int remainder = sum % 11;
    return first + (remainder < 2 ? remainder : 11 - remainder);
  }
}
