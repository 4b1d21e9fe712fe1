package app.parvandeh.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * When two people finish the same task at once, the engine lets one win and fails the other with an
 * optimistic locking error, a "task not found", a missing authorization or a "cannot complete"
 * error, depending on timing; Camunda's REST API and the webapps' API answer that with a 403, 404
 * or 500 carrying engine internals. This filter, in front of both doors, turns such a loser's
 * answer into our 409 with a Persian and English message: when the task has meanwhile been
 * completed, or when the engine reports a concurrent update. Every other answer passes unchanged.
 */
public final class TaskCompletionRaces extends OncePerRequestFilter {

  public static final String CODE = "task-completed-concurrently";
  public static final String MESSAGE_FA =
      "این کار هم‌زمان به دست کاربر دیگری انجام یا تغییر داده شد؛ فهرست کارها را تازه کنید.";
  public static final String MESSAGE_EN =
      "Someone else completed or changed this task at the same moment; reload the task list.";

  private static final Logger log = LoggerFactory.getLogger(TaskCompletionRaces.class);

  /** Camunda's code and class name for an update that lost to another transaction. */
  private static final Pattern CONCURRENT_UPDATE =
      Pattern.compile("ENGINE-03005|OptimisticLocking");

  private final HistoryService history;
  private final IdentityService identity;

  TaskCompletionRaces(HistoryService history, IdentityService identity) {
    this.history = history;
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // Completion calls through either door, as EngineDoorGuard reads them.
    return !"POST".equals(request.getMethod()) || EngineDoorGuard.completedTaskId(request) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentUser caller = CurrentUser.signedIn(identity);
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    int status = answer.getStatus();
    // 403 too: a loser may pass the task lookup just before the winner's commit removes the task's
    // authorizations. Our own guards' refusals (a student, a change not allowed) stay as they are.
    if ((status == 403 || status == 404 || status >= 500)
        && !answerText(answer).contains("\"messageFa\"")
        && lostARace(request, answer, caller)) {
      log.info(
          "Concurrent completion of {} refused with 409 (engine answered {}: {})",
          request.getRequestURI(),
          status,
          answerText(answer));
      answer.resetBuffer();
      JsonRefusal.write(response, 409, CODE, MESSAGE_FA, MESSAGE_EN, null);
      return;
    }
    answer.copyBodyToResponse();
  }

  /**
   * Whether the caller lost a race for the task: the engine says so, or the task has ended and was
   * one the caller could work on (theirs, or offered to their group). Anyone else gets the engine's
   * own answer, so whether some other task has ended is not told to whoever names it.
   */
  private boolean lostARace(
      HttpServletRequest request, ContentCachingResponseWrapper answer, CurrentUser caller) {
    if (CONCURRENT_UPDATE.matcher(answerText(answer)).find()) {
      return true;
    }
    String taskId = EngineDoorGuard.completedTaskId(request);
    if (taskId == null || caller == null) {
      return false;
    }
    // Queried without a signed-in engine user (the engine's own filter has finished).
    HistoricTaskInstance ended =
        history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
    return ended != null
        && (caller.id().equals(ended.getAssignee())
            || history.createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
                .anyMatch(
                    link ->
                        caller.id().equals(link.getUserId())
                            || link.getGroupId() != null
                                && caller.groups().contains(link.getGroupId())));
  }

  private static String answerText(ContentCachingResponseWrapper answer) {
    return new String(answer.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
