package app.parvandeh.workflow;

/** Names shared by {@code processes/StudyDocumentProcess.bpmn}, its start form and the code. */
public final class StudyDocumentProcess {

  public static final String PROCESS_ID = "StudyDocumentProcess";

  /**
   * Variables: references and routing flags only; the letter itself lives in the document store.
   */
  public static final String VAR_STUDENT_NUMBER = "studentNumber";

  public static final String VAR_SOURCE = "source";
  public static final String VAR_DOCUMENT_ID = "documentId";
  public static final String VAR_COUNTER_REQUEST_NUMBER = "counterRequestNumber";
  public static final String VAR_COUNTER_DOCUMENT_TYPE = "counterDocumentType";
  public static final String VAR_REGISTERED_BY = "registeredBy";

  /** The running StudentFileProcess this document belongs to (same business key). */
  public static final String VAR_STUDENT_FILE_INSTANCE_ID = "studentFileInstanceId";

  public static final String SOURCE_OFFICE_AUTOMATION = "OFFICE_AUTOMATION";
  public static final String SOURCE_SERVICE_COUNTER = "SERVICE_COUNTER";

  public static final String TASK_RECORD_STUDY_DOCUMENT_NOTE = "Task_RecordStudyDocumentNote";
  public static final String TASK_RECORD_SERVICE_COUNTER_NOTE = "Task_RecordServiceCounterNote";

  private StudyDocumentProcess() {}
}
