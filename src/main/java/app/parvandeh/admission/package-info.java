/**
 * Admission, the first part of StudentFileProcess: the file opens when a student is admitted, the
 * required documents are decided, the student uploads them, faculty and central clerks check them,
 * the batch documents arrive and the registration-complete note is recorded. Its delegates and
 * listeners, its service ({@link app.parvandeh.admission.StudentFileWorkflow}) and its typed
 * variables ({@link app.parvandeh.admission.AdmissionVariables}).
 */
@ApplicationModule(
    allowedDependencies = {"document", "note", "security", "shared", "student", "workflow"})
package app.parvandeh.admission;

import org.springframework.modulith.ApplicationModule;
