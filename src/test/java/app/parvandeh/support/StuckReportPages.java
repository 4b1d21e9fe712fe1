package app.parvandeh.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.parvandeh.support.ApiClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The stuck-files report read page by page through {@code GET /api/reports/stuck}, as its page
 * does: the shared test context holds many tests' files, more than one page.
 */
public final class StuckReportPages {

  private StuckReportPages() {}

  /** Every page, from 0, of {@code size} files (and these query parameters, e.g. idleDays=5). */
  public static List<JsonNode> all(ApiClient manager, int size, String query) {
    List<JsonNode> pages = new ArrayList<>();
    for (int page = 0; ; page++) {
      Response answer =
          manager.get(
              "/api/reports/stuck?page="
                  + page
                  + "&size="
                  + size
                  + (query.isEmpty() ? "" : "&" + query));
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      JsonNode json = answer.json();
      pages.add(json);
      if ((long) (page + 1) * size >= json.get("total").asLong()) {
        return pages;
      }
    }
  }

  /** The whole report: every page's files in order, with the counts and the total of the first. */
  public static JsonNode whole(ApiClient manager) {
    List<JsonNode> pages = all(manager, 200, "");
    ArrayNode files = JsonNodeFactory.instance.arrayNode();
    pages.forEach(p -> files.addAll((ArrayNode) p.get("files")));
    ObjectNode report = pages.get(0).deepCopy();
    report.set("files", files);
    return report;
  }
}
