/** Persian text normalization, Solar Hijri dates and the error type every module throws. */
@ApplicationModule(allowedDependencies = {})
package app.parvandeh.shared;

import org.springframework.modulith.ApplicationModule;
