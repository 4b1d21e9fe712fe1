package app.parvandeh.web;

import app.parvandeh.shared.ParvandehException;
import app.parvandeh.student.Degree;

/** Reads a degree name sent by a page; blank keeps the current one. */
final class Degrees {

  private Degrees() {}

  static Degree parse(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Degree.valueOf(name.strip());
    } catch (IllegalArgumentException e) {
      throw ParvandehException.badRequest(
          "unknown-degree", "مقطع تحصیلی ناشناخته است.", "Unknown degree.");
    }
  }
}
