package app.parvandeh.concurrency;

import app.parvandeh.support.ParvandehIntegrationTest;

/** {@link ConcurrentUploadScenario} on the shared H2 context. */
@ParvandehIntegrationTest
class ConcurrentUploadTests extends ConcurrentUploadScenario {}
