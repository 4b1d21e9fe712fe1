package app.parvandeh.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda 7.24 CE gets no more security fixes, and its task queries and stored filters can evaluate
 * JUEL expressions ({@code assigneeExpression}, nested {@code orQueries}, a filter's {@code
 * query}). No user of ours needs them, so every call in front of the engine ({@code /engine-rest},
 * the webapps' {@code /camunda/api}) that names an {@code …Expression} parameter or carries {@code
 * ${…}}/{@code #{…}} in a query value is refused with a 400 before the engine sees it. Variable
 * values (JSON field {@code value}) are stored, never evaluated, so they pass.
 */
class ExpressionQueryGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ExpressionQueryGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String found = inQueryString(request.getQueryString());
    HttpServletRequest forward = request;
    if (found == null && isForm(request)) {
      found = inParameters(request.getParameterMap());
    } else if (found == null && hasInspectableBody(request)) {
      CachedBodyRequest cached = CachedBodyRequest.of(request, response);
      if (cached == null) {
        return;
      }
      found = inBody(cached.body());
      forward = cached;
    }
    if (found != null) {
      log.warn(
          "Refused an expression in an engine query: user={}, {} {}, at {}",
          request.getRemoteUser(),
          request.getMethod(),
          request.getRequestURI(),
          found);
      refuse(response, found);
      return;
    }
    chain.doFilter(forward, response);
  }

  /**
   * The offending parameter, or null. Names and values are decoded as the engine's REST layer
   * decodes them.
   */
  static String inQueryString(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (name == null || value == null) {
        return "an undecodable parameter";
      }
      if (isExpressionName(name) || isExpression(value)) {
        return "parameter " + name;
      }
    }
    return null;
  }

  /**
   * Form posts (the webapps' login) are parsed by the container; their fields are checked like a
   * query string.
   */
  static String inParameters(Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (isExpressionName(parameter.getKey())) {
        return "parameter " + parameter.getKey();
      }
      for (String value : parameter.getValue()) {
        if (value != null && isExpression(value)) {
          return "parameter " + parameter.getKey();
        }
      }
    }
    return null;
  }

  /** The offending JSON field, or null. A body that is not JSON is scanned as text, strictly. */
  static String inBody(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return inJson(JSON.readTree(body), "$");
    } catch (JsonProcessingException e) {
      String text = new String(body, StandardCharsets.UTF_8);
      return isExpression(text)
              || text.toLowerCase(Locale.ROOT).matches("(?s).*expression\\s*\"\\s*:.*")
          ? "a body that is not valid JSON"
          : null;
    } catch (IOException e) {
      return "an unreadable body";
    }
  }

  private static String inJson(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String where = path + "." + field.getKey();
        if (isExpressionName(field.getKey())) {
          return "field " + where;
        }
        JsonNode value = field.getValue();
        // A variable's value is data the engine stores; it never evaluates it.
        if (value.isTextual() && !"value".equals(field.getKey()) && isExpression(value.asText())) {
          return "field " + where;
        }
        String nested = inJson(value, where);
        if (nested != null) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        if (element.isTextual() && isExpression(element.asText())) {
          return "element " + path + "[" + i + "]";
        }
        String nested = inJson(element, path + "[" + i + "]");
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  static boolean isExpressionName(String name) {
    return name.strip().toLowerCase(Locale.ROOT).endsWith("expression");
  }

  static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
  }

  /** Bodies the engine parses as JSON; multipart deployments and form posts are not queries. */
  private static boolean hasInspectableBody(HttpServletRequest request) {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      return false;
    }
    String type = request.getContentType();
    return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static void refuse(HttpServletResponse response, String found) throws IOException {
    JsonRefusal.write(
        response,
        400,
        "expression-refused",
        "عبارت‌های محاسباتی (Expression) در جست‌وجوی کارها و فیلترها پذیرفته نیست.",
        "Expressions are not allowed in task queries and filters.",
        found);
  }
}
