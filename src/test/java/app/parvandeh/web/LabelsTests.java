package app.parvandeh.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.audit.AuditAction;
import app.parvandeh.document.DocumentStatus;
import app.parvandeh.document.ReviewDecision;
import app.parvandeh.student.Degree;
import app.parvandeh.support.ApiClient;
import app.parvandeh.support.ApiClient.Response;
import app.parvandeh.support.ParvandehIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/**
 * The pages' and forms' names of codes and upload limits come from the server, for every signed-in
 * user.
 */
@ParvandehIntegrationTest
class LabelsTests {

  @LocalServerPort int port;

  @Value("${parvandeh.documents.max-file-size}")
  DataSize maxFileSize;

  @Value("${spring.servlet.multipart.max-request-size}")
  DataSize maxRequestSize;

  @Test
  void everyCodeTheApiAnswersWithHasTheServersPersianName() {
    JsonNode labels = ApiClient.signedIn(port, "clerk.eng", "parvandeh").get("/api/labels").json();

    Arrays.stream(DocumentStatus.values())
        .forEach(
            s ->
                assertThat(labels.at("/documentStatus/" + s.name()).asText())
                    .isEqualTo(s.labelFa()));
    Arrays.stream(ReviewDecision.values())
        .forEach(
            d ->
                assertThat(labels.at("/reviewDecision/" + d.name()).asText())
                    .isEqualTo(d.labelFa())
                    .isNotBlank());
    Arrays.stream(AuditAction.values())
        .forEach(
            a ->
                assertThat(labels.at("/auditAction/" + a.name()).asText())
                    .isEqualTo(a.labelFa())
                    .isNotBlank());
    assertThat(labels.get("degree").fieldNames())
        .toIterable()
        .containsExactly(Arrays.stream(Degree.values()).map(Degree::name).toArray(String[]::new));
    assertThat(labels.at("/reviewStage/CENTRAL").asText()).isEqualTo("واحد پذیرش ستاد");
  }

  @Test
  void theUploadLimitsAreTheOnesTheServerEnforces() {
    JsonNode uploads =
        ApiClient.signedIn(port, "4021100001", "0012345679")
            .get("/api/labels")
            .json()
            .get("uploads");

    assertThat(uploads.get("maxFileSizeBytes").asLong()).isEqualTo(maxFileSize.toBytes());
    assertThat(uploads.get("maxRequestBytes").asLong()).isEqualTo(maxRequestSize.toBytes());
    assertThat(uploads.get("extensions"))
        .extracting(JsonNode::asText)
        .containsExactly("jpeg", "jpg", "pdf", "png");
    assertThat(uploads.get("mediaTypes"))
        .extracting(JsonNode::asText)
        .containsExactly("application/pdf", "image/jpeg", "image/png");
  }

  @Test
  void noOneSignedOutReadsThem() {
    Response answer = ApiClient.anonymous(port).get("/api/labels");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.json().get("messageFa").asText()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({
    "manager, true",
    "central.records, true",
    "clerk.eng, false",
    "graduates.office, false",
    "4021100001, false"
  })
  void whoMayExportAFileIsSaidWithWhoIsSignedIn(String user, boolean exports) {
    JsonNode me =
        ApiClient.signedIn(port, user, user.equals("4021100001") ? "0012345679" : "parvandeh")
            .get("/api/me")
            .json();

    assertThat(me.at("/capabilities/exportFiles").asBoolean()).isEqualTo(exports);
    assertThat(me.at("/capabilities/readAudit").asBoolean()).isEqualTo(exports);
  }
}
