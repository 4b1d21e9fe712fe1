/** One login for everything: Spring Security backed by Camunda's identity store, groups and authorizations. */
package app.parvandeh.security;
