/** Persian text normalization, Solar Hijri dates and the error type every module throws. */
package app.parvandeh.shared;
