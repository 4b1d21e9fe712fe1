/**
 * Notes about the student (Golestan 10730/17030) with the addresses of the documents they vouch
 * for.
 */
@ApplicationModule(allowedDependencies = {"audit", "document", "security", "shared", "student"})
package app.parvandeh.note;

import org.springframework.modulith.ApplicationModule;
