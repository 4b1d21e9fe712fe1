package app.parvandeh.shared;

/**
 * A refusal the user can act on: an HTTP status, a stable code, and the same message in Persian and
 * English. Every module throws this; the web layer turns it into a 4xx answer.
 */
public class ParvandehException extends RuntimeException {

  private final int status;
  private final String code;
  private final String messageFa;

  public ParvandehException(int status, String code, String messageFa, String messageEn) {
    super(messageEn);
    this.status = status;
    this.code = code;
    this.messageFa = messageFa;
  }

  public static ParvandehException notFound(String code, String messageFa, String messageEn) {
    return new ParvandehException(404, code, messageFa, messageEn);
  }

  public static ParvandehException badRequest(String code, String messageFa, String messageEn) {
    return new ParvandehException(400, code, messageFa, messageEn);
  }

  public static ParvandehException forbidden(String messageFa, String messageEn) {
    return new ParvandehException(403, "forbidden", messageFa, messageEn);
  }

  public static ParvandehException conflict(String code, String messageFa, String messageEn) {
    return new ParvandehException(409, code, messageFa, messageEn);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String messageFa() {
    return messageFa;
  }

  public String messageEn() {
    return getMessage();
  }
}
