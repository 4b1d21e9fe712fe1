package app.parvandeh;

import app.parvandeh.support.ParvandehIntegrationTest;

/** The admission scenario on the embedded H2 database. */
@ParvandehIntegrationTest
class StudentFileAdmissionEndToEndTests extends AdmissionScenario {}
