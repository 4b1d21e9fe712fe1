/**
 * BPMN glue only: process and variable names, delegates, listeners, deployment and form support.
 */
@ApplicationModule(allowedDependencies = {"document", "note", "security", "shared", "student"})
package app.parvandeh.workflow;

import org.springframework.modulith.ApplicationModule;
