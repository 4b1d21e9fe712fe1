package app.parvandeh.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * API refusals by the security layer, in the same Persian and English JSON shape as every other
 * 4xx.
 */
class JsonRefusal implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;

  JsonRefusal(int status) {
    this.status = status;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(response, "unauthenticated", "ابتدا وارد سامانه شوید.", "Sign in first.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      write(
          response,
          "csrf",
          "نشست شما نامعتبر شده است؛ صفحه را تازه کنید.",
          "The request lacks a valid CSRF token; reload the page.");
    } else {
      write(response, "forbidden", "اجازه این کار را ندارید.", "You are not allowed to do this.");
    }
  }

  private void write(HttpServletResponse response, String code, String fa, String en)
      throws IOException {
    write(response, status, code, fa, en, null);
  }

  /**
   * Writes a refusal in the shape every 4xx of ours has: status, code, Persian and English message,
   * detail.
   */
  static void write(
      HttpServletResponse response, int status, String code, String fa, String en, String detail)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("code", code);
    body.put("messageFa", fa);
    body.put("messageEn", en);
    if (detail != null) {
      body.put("detail", detail);
    }
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    JSON.writeValue(response.getOutputStream(), body);
  }
}
