/** The student portal's and the review form's REST API, content downloads and error answers. */
@ApplicationModule(
    allowedDependencies = {
      "admission",
      "audit",
      "clearance",
      "document",
      "intake",
      "monitoring",
      "note",
      "note :: report",
      "preservation",
      "security",
      "shared",
      "signing",
      "student",
      "studydocs",
      "workflow"
    })
package app.parvandeh.web;

import org.springframework.modulith.ApplicationModule;
