/**
 * StudyDocumentProcess: a document issued during study (an office-automation letter or a Golestan
 * service-counter document) is registered on the running file and noted. Its start check, its
 * delegates, its service ({@link app.parvandeh.studydocs.StudyDocumentWorkflow}) and its typed
 * variables ({@link app.parvandeh.studydocs.StudyDocumentVariables}).
 */
@ApplicationModule(
    allowedDependencies = {"document", "note", "security", "shared", "student", "workflow"})
package app.parvandeh.studydocs;

import org.springframework.modulith.ApplicationModule;
