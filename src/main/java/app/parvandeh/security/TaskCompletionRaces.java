package app.parvandeh.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
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

  TaskCompletionRaces(HistoryService history) {
    this.history = history;
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
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    int status = answer.getStatus();
    // 403 too: a loser may pass the task lookup just before the winner's commit removes the task's
    // authorizations.
    if ((status == 403 || status == 404 || status >= 500) && lostARace(request, answer)) {
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

  private boolean lostARace(HttpServletRequest request, ContentCachingResponseWrapper answer) {
    if (CONCURRENT_UPDATE.matcher(answerText(answer)).find()) {
      return true;
    }
    String taskId = EngineDoorGuard.completedTaskId(request);
    // Queried without a signed-in engine user (the engine's own filter has finished): only whether
    // it ended.
    return taskId != null
        && history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
  }

  private static String answerText(ContentCachingResponseWrapper answer) {
    return new String(answer.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
