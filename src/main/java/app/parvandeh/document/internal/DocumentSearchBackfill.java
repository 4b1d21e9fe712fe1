package app.parvandeh.document.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the search text of documents stored before it existed (V4), once; new documents carry it
 * from the start.
 */
@Component
@Order(5)
class DocumentSearchBackfill implements ApplicationRunner {

  private final DocumentRepository documents;

  DocumentSearchBackfill(DocumentRepository documents) {
    this.documents = documents;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    documents.findBySearchTextIsNull().forEach(Document::refreshSearchText);
  }
}
