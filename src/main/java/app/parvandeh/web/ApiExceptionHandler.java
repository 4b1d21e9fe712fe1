package app.parvandeh.web;

import app.parvandeh.document.Upload;
import app.parvandeh.security.TaskCompletionRaces;
import app.parvandeh.shared.ParvandehException;
import app.parvandeh.shared.PersianText;
import app.parvandeh.shared.UserText;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Turns refusals into 4xx answers with Persian and English messages; nothing else leaks out. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ParvandehException.class)
  ResponseEntity<ApiError> refused(ParvandehException e) {
    return answer(e.status(), e.code(), e.messageFa(), e.messageEn(), null);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    // Tomcat counts a part's headers, which hold the file name, against
    // server.tomcat.max-part-header-size.
    if (causes(e)
        .anyMatch(c -> String.valueOf(c.getMessage()).startsWith("Header section has more than"))) {
      int max = Upload.FILE_NAME.maxLength();
      return answer(
          400,
          "file-name-too-long",
          "نام فایل بیش از اندازه بلند است؛ حداکثر "
              + PersianText.toPersianDigits(String.valueOf(max))
              + " نویسه.",
          "The file name is far too long; it may have at most " + max + " characters.",
          null);
    }
    return answer(
        413,
        "file-too-large",
        "حجم فایل یا درخواست بیش از حد مجاز است.",
        "The file or the request is larger than allowed.",
        null);
  }

  @ExceptionHandler({
    MultipartException.class,
    MissingServletRequestPartException.class,
    MissingServletRequestParameterException.class,
    HttpMessageNotReadableException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ApiError> malformed(Exception e) {
    // Tomcat refuses a file name with a NUL before we see it; the refusal says so as our own check
    // would.
    var badName = causes(e).filter(InvalidFileNameException.class::isInstance).findFirst();
    if (badName.isPresent()) {
      try {
        UserText.clean(((InvalidFileNameException) badName.get()).getName(), Upload.FILE_NAME);
      } catch (ParvandehException refusal) {
        return refused(refusal);
      }
    }
    return answer(
        400, "bad-request", "درخواست نادرست است.", "The request is malformed.", e.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
    String fields =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> f.getField() + ": " + f.getDefaultMessage())
            .collect(Collectors.joining("; "));
    return answer(
        400,
        "invalid",
        "اطلاعات واردشده کامل یا درست نیست.",
        "Some fields are missing or invalid.",
        fields);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> invalid(ConstraintViolationException e) {
    return answer(
        400,
        "invalid",
        "اطلاعات واردشده کامل یا درست نیست.",
        "Some fields are missing or invalid.",
        e.getMessage());
  }

  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ResponseEntity<ApiError> conflict(ObjectOptimisticLockingFailureException e) {
    return answer(
        409,
        "concurrent-change",
        "هم‌زمان کاربر دیگری این مورد را تغییر داد؛ صفحه را تازه کنید.",
        "Someone else changed this at the same time; reload and try again.",
        null);
  }

  /**
   * Another request held the row lock for longer than the database waits (e.g. uploads into one
   * file).
   */
  @ExceptionHandler(PessimisticLockingFailureException.class)
  ResponseEntity<ApiError> busy(PessimisticLockingFailureException e) {
    return answer(
        409,
        "busy",
        "درخواست دیگری هم‌زمان همین پرونده را تغییر می‌دهد؛ چند لحظه بعد دوباره تلاش کنید.",
        "Another request is changing this file at the same time; try again in a moment.",
        null);
  }

  /**
   * Another request finished or changed the same task first (e.g. "send for review" from two tabs
   * at once).
   */
  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<ApiError> concurrentTask(OptimisticLockingException e) {
    log.info("Engine update lost to a concurrent one: {}", e.getMessage());
    return answer(
        409,
        TaskCompletionRaces.CODE,
        TaskCompletionRaces.MESSAGE_FA,
        TaskCompletionRaces.MESSAGE_EN,
        null);
  }

  /**
   * Engine refusals during our calls (e.g. a task completed meanwhile) are conflicts, not server
   * errors. The engine's message names its tables and entities, so it goes to the log, not to the
   * user.
   */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ApiError> engine(ProcessEngineException e) {
    log.info("Engine refused a request: {}", e.getMessage());
    return answer(
        409,
        "process-refused",
        "فرایند این درخواست را نپذیرفت؛ صفحه را تازه کنید.",
        "The process refused this request; reload and try again.",
        null);
  }

  private static Stream<Throwable> causes(Throwable e) {
    return Stream.iterate(e, c -> c != null, Throwable::getCause).limit(10);
  }

  /**
   * Always JSON, whatever the request accepts: a refused download asked for {@code application/zip}
   * or a PDF, and without a preset type the refusal could not be written and became a 500.
   */
  private static ResponseEntity<ApiError> answer(
      int status, String code, String fa, String en, String detail) {
    return ResponseEntity.status(HttpStatus.valueOf(status))
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(status, code, fa, en, detail));
  }
}
