package app.parvandeh.workflow;

/** Names shared by {@code processes/StudentFileProcess.bpmn} and the code: ids, variables, messages. */
public final class StudentFileProcess {

  public static final String PROCESS_ID = "StudentFileProcess";
  public static final String DECISION_REQUIRED_DOCUMENTS = "RequiredDocuments";

  /** Variables: references and routing flags only, never document bytes. */
  public static final String VAR_STUDENT_NUMBER = "studentNumber";
  public static final String VAR_STUDENT_USER_ID = "studentUserId";
  public static final String VAR_FACULTY_GROUP = "facultyGroup";
  public static final String VAR_DOCUMENTS_ACCEPTED = "documentsAccepted";
  public static final String VAR_FACULTY_CHECKED_BY = "facultyCheckedBy";

  public static final String TASK_UPLOAD_DOCUMENTS = "Task_UploadAdmissionDocuments";
  public static final String TASK_CORRECT_DOCUMENTS = "Task_CorrectRejectedDocuments";
  public static final String TASK_CHECK_FACULTY = "Task_CheckDocumentsFaculty";
  public static final String TASK_CHECK_CENTRAL = "Task_CheckDocumentsCentral";

  public static final String MESSAGE_STUDY_ENDED = "StudyEnded";

  private StudentFileProcess() {}
}
