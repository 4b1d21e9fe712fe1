/** Demo users, faculties and students: only in the demo profile, never in production. */
@ApplicationModule(
    allowedDependencies = {
      "admission",
      "clearance",
      "document",
      "student",
      "studydocs",
      "workflow"
    })
package app.parvandeh.demo;

import org.springframework.modulith.ApplicationModule;
