/** The student portal's and the review form's REST API, content downloads and error answers. */
@ApplicationModule(
    allowedDependencies = {
      "audit",
      "document",
      "monitoring",
      "note",
      "note :: report",
      "preservation",
      "security",
      "shared",
      "signing",
      "student",
      "workflow"
    })
package app.parvandeh.web;

import org.springframework.modulith.ApplicationModule;
