/**
 * Bulk intake: faculties as reference data, a whole cohort's files opened from one list exported by
 * Golestan, and exam cards and report cards attached in batches, with every row and every file
 * accounted for in a report.
 */
@ApplicationModule(allowedDependencies = {"document", "note", "security", "shared", "student"})
package app.parvandeh.intake;

import org.springframework.modulith.ApplicationModule;
