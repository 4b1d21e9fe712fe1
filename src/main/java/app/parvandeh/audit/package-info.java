/** The append-only audit trail: who did what to which file or document, when, and from where. */
package app.parvandeh.audit;
