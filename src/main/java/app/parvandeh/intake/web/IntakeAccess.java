package app.parvandeh.intake.web;

import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.Groups;
import app.parvandeh.shared.ParvandehException;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Bulk intake is central admission's work: it uploads cohort lists and card batches and keeps the
 * faculty list (Camunda admins change no data through {@code /api}). Managers may read the reports.
 */
final class IntakeAccess {

  private IntakeAccess() {}

  /** The signed-in central admission clerk, or 403. */
  static CurrentUser centralAdmission(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.groups().contains(Groups.CENTRAL_ADMISSION)) {
      throw ParvandehException.forbidden(
          "ورود گروهی و فهرست دانشکده‌ها ویژه واحد پذیرش ستاد است.",
          "Bulk intake and the faculty list are for the central admission unit.");
    }
    return user;
  }

  /** Central admission or a manager, who reads intake reports; otherwise 403. */
  static CurrentUser reader(Authentication authentication) {
    CurrentUser user = CurrentUser.of(authentication);
    if (!user.inAny(List.of(Groups.CENTRAL_ADMISSION, Groups.MANAGERS))) {
      throw ParvandehException.forbidden(
          "گزارش‌های ورود گروهی ویژه واحد پذیرش ستاد و مدیران است.",
          "Bulk intake reports are for the central admission unit and managers.");
    }
    return user;
  }
}
