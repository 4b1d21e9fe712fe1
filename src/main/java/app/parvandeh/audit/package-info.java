/** The append-only audit trail: who did what to which file or document, when, and from where. */
@ApplicationModule(allowedDependencies = {"shared"})
package app.parvandeh.audit;

import org.springframework.modulith.ApplicationModule;
