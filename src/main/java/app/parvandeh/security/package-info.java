/**
 * One login for everything: Spring Security backed by Camunda's identity store, groups and
 * authorizations.
 */
@ApplicationModule(allowedDependencies = {"shared", "signing", "student"})
package app.parvandeh.security;

import org.springframework.modulith.ApplicationModule;
