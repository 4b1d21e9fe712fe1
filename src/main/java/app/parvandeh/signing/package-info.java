/**
 * The office's signature on what leaves the building: PAdES signatures on PDFs (the clearance
 * certificate, report 112), a detached CMS signature on each exported bag's tag manifest, and the
 * verification of both, all with one key from a PKCS#12 keystore.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package app.parvandeh.signing;

import org.springframework.modulith.ApplicationModule;
