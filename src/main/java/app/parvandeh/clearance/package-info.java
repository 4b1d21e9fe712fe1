/**
 * Graduation clearance, the last part of StudentFileProcess: study ends, the file is checked and
 * completed for clearance, the graduate asks for their documents and the graduates office issues
 * them. Its delegates and listeners, its service ({@link
 * app.parvandeh.clearance.GraduationClearance}) and its typed variables ({@link
 * app.parvandeh.clearance.ClearanceVariables}).
 */
@ApplicationModule(allowedDependencies = {"note", "security", "shared", "student", "workflow"})
package app.parvandeh.clearance;

import org.springframework.modulith.ApplicationModule;
