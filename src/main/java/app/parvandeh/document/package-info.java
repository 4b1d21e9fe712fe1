/** Document types, students' documents with their versions and reviews, and the content store. */
@ApplicationModule(allowedDependencies = {"audit", "security", "shared", "student"})
package app.parvandeh.document;

import org.springframework.modulith.ApplicationModule;
