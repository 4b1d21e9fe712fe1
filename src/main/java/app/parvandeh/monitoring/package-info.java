/**
 * The read side of the processes: which files are stuck and where (report, CSV and gauges), and the
 * steps every process of a file went through. Reads the engine's runtime and history; changes
 * nothing.
 */
@ApplicationModule(allowedDependencies = {"audit", "security", "shared", "student", "workflow"})
package app.parvandeh.monitoring;

import org.springframework.modulith.ApplicationModule;
