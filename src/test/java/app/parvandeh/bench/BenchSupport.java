package app.parvandeh.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the benchmark programs share: the machine's load, the JVM's CPU time, medians, valid
 * national IDs.
 */
final class BenchSupport {

  private BenchSupport() {}

  /**
   * The application's arguments when a benchmark runs under surefire ({@code -Dbench.args="--a=b
   * --c=d"}).
   */
  static String[] argsFromProperty() {
    String args = System.getProperty("bench.args", "").trim();
    return args.isEmpty() ? new String[0] : args.split("\\s+");
  }

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** CPU time of this JVM, every thread (the figure the machine's load does not inflate). */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static double median(List<double[]> rows, int column) {
    double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  /**
   * A national ID with a valid check digit, derived from the student number (unique enough for a
   * run).
   */
  static String nationalId(String studentNumber) {
    String digits =
        String.format(
            "%09d",
            Math.floorMod(studentNumber.hashCode() * 31L + studentNumber.length(), 999_999_998L)
                + 1);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int r = sum % 11;
    return digits + (r < 2 ? r : 11 - r);
  }
}
