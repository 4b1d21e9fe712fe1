/** Students and their files: identity, faculty, degree, entry year, status and the file's stage. */
@ApplicationModule(allowedDependencies = {"audit", "shared"})
package app.parvandeh.student;

import org.springframework.modulith.ApplicationModule;
