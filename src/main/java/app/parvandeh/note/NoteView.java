package app.parvandeh.note;

import app.parvandeh.shared.JalaliDates;
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

  static NoteView of(Note note) {
    return new NoteView(
        note.getId(),
        note.getKind().name(),
        note.getKind().labelFa(),
        note.getGolestanScreen(),
        note.getBody(),
        note.getAuthor(),
        note.getCreatedAt(),
        JalaliDates.dateTime(note.getCreatedAt()),
        note.getAddresses().stream()
            .map(a -> new AddressView(a.getAddress(), a.getLabel(), a.getDocumentVersionId()))
            .toList());
  }
}
