package app.parvandeh.web;

import app.parvandeh.support.ParvandehIntegrationTest;

/** Search inside documents on the embedded H2 database (the shared test context). */
@ParvandehIntegrationTest
class DocumentTextSearchTests extends DocumentTextSearchScenario {}
