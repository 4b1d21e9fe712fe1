package app.parvandeh.clearance;

import static app.parvandeh.workflow.StudentFileProcess.VAR_CLEARANCE_CHECKED_BY;
import static app.parvandeh.workflow.StudentFileProcess.VAR_CLEARANCE_GROUP;
import static app.parvandeh.workflow.StudentFileProcess.VAR_CLOSURE_REASON;
import static app.parvandeh.workflow.StudentFileProcess.VAR_FILE_COMPLETE;
import static app.parvandeh.workflow.StudentFileProcess.VAR_GRADUATED;
import static app.parvandeh.workflow.StudentFileProcess.VAR_GRADUATION_REQUESTED_BY;
import static app.parvandeh.workflow.StudentFileProcess.VAR_ISSUED_BY;
import static app.parvandeh.workflow.StudentFileProcess.VAR_MISSING_ITEMS;
import static app.parvandeh.workflow.StudentFileProcess.VAR_STUDY_ENDED_BY;

import app.parvandeh.workflow.FileKeys;
import app.parvandeh.workflow.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** The graduation-clearance part's variables of StudentFileProcess, typed. */
final class ClearanceVariables extends ProcessVariables {

  private ClearanceVariables(VariableScope scope) {
    super(scope);
  }

  private ClearanceVariables(Map<String, Object> variables) {
    super(variables);
  }

  private ClearanceVariables(TaskService tasks, String taskId) {
    super(
        name -> tasks.getVariable(taskId, name),
        (name, value) -> tasks.setVariable(taskId, name, value));
  }

  static ClearanceVariables of(VariableScope scope) {
    return new ClearanceVariables(scope);
  }

  /** An open task's variables, read through the task service (the web layer's view). */
  static ClearanceVariables ofTask(TaskService tasks, String taskId) {
    return new ClearanceVariables(tasks, taskId);
  }

  /** The message that study ended: why (a closing status's name) and who said so. */
  static VariableMap studyEnded(String closureReason, String endedBy) {
    VariableMap variables = Variables.createVariables();
    ClearanceVariables ended = new ClearanceVariables(variables);
    ended.set(VAR_CLOSURE_REASON, closureReason);
    ended.set(VAR_STUDY_ENDED_BY, endedBy);
    return variables;
  }

  /** The message that the graduate asked for their documents, and who recorded it. */
  static VariableMap graduationRequested(String requestedBy) {
    VariableMap variables = Variables.createVariables();
    new ClearanceVariables(variables).graduationRequestedBy(requestedBy);
    return variables;
  }

  /** Why study ended, as the message or a clerk set it (checked by the study-end step). */
  String closureReason() {
    return text(VAR_CLOSURE_REASON);
  }

  /** Who ended study, or the system when none is named. */
  String studyEndedBy() {
    return textOr(VAR_STUDY_ENDED_BY, FileKeys.SYSTEM_AUTHOR);
  }

  void graduated(boolean graduated) {
    set(VAR_GRADUATED, graduated);
  }

  /** The staff group that clears the file (ClearanceGroup.dmn). */
  String clearanceGroup() {
    return text(VAR_CLEARANCE_GROUP);
  }

  void clearanceGroup(String group) {
    set(VAR_CLEARANCE_GROUP, group);
  }

  /** The central clerk's decision: complete or not; null when the form did not say. */
  Boolean fileComplete() {
    return flag(VAR_FILE_COMPLETE);
  }

  /** What the central clerk found missing, for the faculty; null when nothing was written. */
  String missingItems() {
    return text(VAR_MISSING_ITEMS);
  }

  void clearanceCheckedBy(String clerk) {
    set(VAR_CLEARANCE_CHECKED_BY, clerk);
  }

  void graduationRequestedBy(String clerk) {
    set(VAR_GRADUATION_REQUESTED_BY, clerk);
  }

  void issuedBy(String clerk) {
    set(VAR_ISSUED_BY, clerk);
  }
}
