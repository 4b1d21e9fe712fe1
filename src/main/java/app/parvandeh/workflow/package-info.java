/**
 * The engine plumbing the process modules share: the models' names, the deployment and its guard,
 * the model properties, the typed-variables base, the Tasklist filters, the process settings, the
 * decision tables' inputs, migrations, and the delegates every part of a model uses (file stage,
 * file note, task names, overdue reminders).
 */
@ApplicationModule(allowedDependencies = {"note", "security", "shared", "student"})
package app.parvandeh.workflow;

import org.springframework.modulith.ApplicationModule;
