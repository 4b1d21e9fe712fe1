/**
 * Preservation of student files: a whole file (every document version, notes, the audit trail)
 * exported as a verified BagIt bag, so it can be kept and checked outside Parvandeh.
 */
@ApplicationModule(
    allowedDependencies = {
      "audit",
      "document",
      "monitoring",
      "note",
      "security",
      "shared",
      "signing",
      "student"
    })
package app.parvandeh.preservation;

import org.springframework.modulith.ApplicationModule;
