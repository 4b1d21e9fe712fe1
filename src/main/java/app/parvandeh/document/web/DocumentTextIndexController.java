package app.parvandeh.document.web;

import app.parvandeh.document.DocumentTextIndex;
import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.Groups;
import app.parvandeh.shared.ParvandehException;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search inside documents, for those who look after the archive: how far the text index is (the
 * backfill of documents stored before it, new uploads waiting), the versions whose text could not
 * be derived, and a retry of those. The index holds no student data beyond what search shows, but
 * its failures name documents: managers and the central records office read it, as they read the
 * fixity audit (system administrators run the engine, not the archive); the central records office
 * retries (managers are a read-only role).
 */
@RestController
class DocumentTextIndexController {

  static final Set<String> READERS = Set.of(Groups.MANAGERS, Groups.CENTRAL_RECORDS);

  private final DocumentTextIndex index;

  DocumentTextIndexController(DocumentTextIndex index) {
    this.index = index;
  }

  @GetMapping(DocumentTextIndex.PATH)
  DocumentTextIndex.Overview overview(Authentication auth) {
    check(auth, READERS);
    return index.overview();
  }

  @PostMapping(DocumentTextIndex.PATH + "/retries")
  Map<String, Integer> retryFailed(Authentication auth) {
    check(auth, Set.of(Groups.CENTRAL_RECORDS));
    return Map.of("requeued", index.retryFailed());
  }

  private static void check(Authentication auth, Set<String> groups) {
    if (!CurrentUser.of(auth).inAny(groups)) {
      throw ParvandehException.forbidden(
          "وضعیت نمایه متن مدارک ویژه مدیران و واحد بایگانی ستاد است.",
          "The document text index is for managers and the central records office.");
    }
  }
}
