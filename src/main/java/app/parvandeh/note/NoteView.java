package app.parvandeh.note;

import java.time.Instant;
import java.util.List;

/** A note as report 112 and the file page show it. */
public record NoteView(
    Long id,
    String kind,
    String kindLabel,
    String golestanScreen,
    String body,
    String author,
    Instant createdAt,
    String createdAtJalali,
    List<AddressView> addresses) {

  /** An address; the web layer adds the link that opens the document when it is one of ours. */
  public record AddressView(String address, String label, Long documentVersionId) {}
}
