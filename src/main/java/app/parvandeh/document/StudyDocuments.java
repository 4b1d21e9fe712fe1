package app.parvandeh.document;

import java.util.List;

/**
 * Documents issued during study in office automation (Golestan 18090): a PDF or JPG letter with its
 * number, date and a description naming it, stored in the student's file at the during-study stage.
 */
public interface StudyDocuments {

  /** A type of the catalogue, for choosing one in a form. */
  record TypeView(String code, String nameFa, String nameEn, String stage) {}

  List<TypeView> studyTypes();

  /**
   * Stores an office-automation letter. Everything is checked (description, letter number and date,
   * type, the bytes being PDF or JPEG) before a row is written; a refusal stores nothing.
   */
  FileDocumentView registerOfficeLetter(
      Long studentId,
      String typeCode,
      Upload upload,
      String letterNumber,
      String letterDate,
      String description,
      String actor);

  /**
   * The during-study document a note will address, if it is this student's and not deleted; else a
   * 400.
   */
  FileDocumentView studyDocumentOf(Long studentId, Long documentId);
}
