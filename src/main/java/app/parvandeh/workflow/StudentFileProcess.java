package app.parvandeh.workflow;

/**
 * Names shared by {@code processes/StudentFileProcess.bpmn} and the code: ids, variables, messages.
 */
public final class StudentFileProcess {

  public static final String PROCESS_ID = "StudentFileProcess";
  public static final String DECISION_REQUIRED_DOCUMENTS = "RequiredDocuments";

  /** Variables: references and routing flags only, never document bytes. */
  public static final String VAR_STUDENT_NUMBER = "studentNumber";

  public static final String VAR_STUDENT_USER_ID = "studentUserId";
  public static final String VAR_FACULTY_GROUP = "facultyGroup";
  public static final String VAR_DOCUMENTS_ACCEPTED = "documentsAccepted";
  public static final String VAR_FACULTY_CHECKED_BY = "facultyCheckedBy";

  /**
   * Whether every batch-supplied document (exam card, report card) is in the file, so the note may
   * be recorded.
   */
  public static final String VAR_BATCH_DOCUMENTS_IN_FILE = "batchDocumentsInFile";

  public static final String EVENT_BATCH_DOCUMENTS_ARRIVED = "Event_BatchDocumentsArrived";
  public static final String MESSAGE_BATCH_DOCUMENTS_ARRIVED = "BatchDocumentsArrived";

  public static final String TASK_UPLOAD_DOCUMENTS = "Task_UploadAdmissionDocuments";
  public static final String TASK_CORRECT_DOCUMENTS = "Task_CorrectRejectedDocuments";
  public static final String TASK_CHECK_FACULTY = "Task_CheckDocumentsFaculty";
  public static final String TASK_CHECK_CENTRAL = "Task_CheckDocumentsCentral";

  /** Graduation clearance: why study ended, who clears the file, what the central clerk decided. */
  public static final String VAR_CLOSURE_REASON = "closureReason";

  public static final String VAR_STUDY_ENDED_BY = "studyEndedBy";
  public static final String VAR_GRADUATED = "graduated";
  public static final String VAR_CLEARANCE_GROUP = "clearanceGroup";
  public static final String VAR_FILE_COMPLETE = "fileComplete";
  public static final String VAR_MISSING_ITEMS = "missingItems";
  public static final String VAR_CLEARANCE_CHECKED_BY = "clearanceCheckedBy";
  public static final String VAR_ISSUED_DOCUMENTS = "issuedDocuments";
  public static final String VAR_ISSUED_BY = "issuedBy";
  public static final String VAR_GRADUATION_REQUESTED_BY = "graduationRequestedBy";

  public static final String TASK_CHECK_CLEARANCE = "Task_CheckFileClearance";
  public static final String TASK_COMPLETE_FOR_CLEARANCE = "Task_CompleteFileForClearance";
  public static final String TASK_AWAIT_GRADUATION_REQUEST = "Task_AwaitGraduationRequest";
  public static final String TASK_ISSUE_GRADUATION_DOCUMENTS = "Task_IssueGraduationDocuments";
  public static final String TASK_FOLLOW_UP_STUCK_FILE = "Task_FollowUpStuckFile";
  public static final String EVENT_STUDY_ENDED = "Event_StudyEnded";
  public static final String EVENT_AFTER_GRADUATION_REQUEST =
      "Event_AfterGraduationDocumentRequested";

  public static final String MESSAGE_STUDY_ENDED = "StudyEnded";
  public static final String MESSAGE_GRADUATION_REQUESTED = "GraduationRequested";

  private StudentFileProcess() {}
}
