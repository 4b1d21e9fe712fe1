package app.parvandeh.web;

import app.parvandeh.admission.StudentFileWorkflow;
import app.parvandeh.audit.AuditAction;
import app.parvandeh.audit.AuditLog;
import app.parvandeh.student.StudentRef;
import app.parvandeh.student.StudentService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Records who looked at which student's file (FILE_VIEWED) after every successful read of a file
 * page: one row per (page, pattern) below, so a new file page is audited by adding a row. Cheap:
 * one insert, and at most one per session, student and page every few minutes (a portal reloads its
 * file after each upload).
 */
@Configuration(proxyBeanMethods = false)
class FileViewAuditing implements WebMvcConfigurer, HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(FileViewAuditing.class);
  static final Duration QUIET = Duration.ofMinutes(5);
  private static final String SEEN = FileViewAuditing.class.getName() + ".seen";

  /** A file page and how to find whose file it shows. */
  private record Page(
      PathPattern pattern,
      BiFunction<HttpServletRequest, Map<String, String>, Optional<StudentRef>> whose) {}

  private final List<Page> pages;
  private final AuditLog audit;
  private final Clock clock;

  FileViewAuditing(
      StudentService students, StudentFileWorkflow workflow, AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
    PathPatternParser parser = PathPatternParser.defaultInstance;
    this.pages =
        List.of(
            // the student's own file in the portal
            new Page(
                parser.parse("/api/portal/file"),
                (request, vars) ->
                    Optional.ofNullable(request.getRemoteUser()).flatMap(students::findByUser)),
            // a clerk's review form shows the whole admission file
            new Page(
                parser.parse("/api/tasks/{taskId}/review"),
                (request, vars) ->
                    workflow.studentNumberOfTask(vars.get("taskId")).flatMap(students::find)),
            // file pages of staff: /api/students/{n}, /api/students/{n}/documents, notes, reports…
            new Page(
                parser.parse("/api/students/{studentNumber}/**"),
                (request, vars) -> students.find(vars.get("studentNumber"))));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(this)
        .addPathPatterns("/api/portal/file", "/api/tasks/*/review", "/api/students/*/**");
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (!"GET".equals(request.getMethod())
        || response.getStatus() >= 300
        || failure != null
        || request.getRemoteUser() == null) {
      return;
    }
    PathContainer path = PathContainer.parsePath(request.getRequestURI());
    for (Page page : pages) {
      PathPattern.PathMatchInfo match = page.pattern().matchAndExtract(path);
      if (match != null) {
        try {
          page.whose()
              .apply(request, match.getUriVariables())
              .ifPresent(student -> record(request, student, page.pattern().getPatternString()));
        } catch (RuntimeException e) {
          log.warn("Could not record a file view of {}: {}", request.getRequestURI(), e.toString());
        }
        return;
      }
    }
  }

  private void record(HttpServletRequest request, StudentRef student, String page) {
    HttpSession session = request.getSession(false);
    Instant now = Instant.now(clock);
    String key = student.id() + " " + page;
    if (session != null) {
      @SuppressWarnings("unchecked")
      Map<String, Instant> seen = (Map<String, Instant>) session.getAttribute(SEEN);
      if (seen == null) {
        seen = new ConcurrentHashMap<>();
        session.setAttribute(SEEN, seen);
      }
      Instant last = seen.get(key);
      if (last != null && last.plus(QUIET).isAfter(now)) {
        return;
      }
      seen.put(key, now);
    }
    audit.read(
        request.getRemoteUser(),
        AuditAction.FILE_VIEWED,
        student.id(),
        null,
        request.getRequestURI());
  }
}
