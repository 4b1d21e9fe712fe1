package app.parvandeh.web;

import app.parvandeh.shared.PersianText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The error page a person's browser shows (Spring Boot asks this only for requests that accept
 * HTML; API callers keep the JSON answer): in Persian, on our layout, with a way back to the
 * person's working screen. The page carries no text from the request, so nothing a link puts in the
 * address reaches it.
 */
@Component
class PersianErrorPages implements ErrorViewResolver {

  private record Page(String title, String explanation) {}

  private static final Map<Integer, Page> PAGES =
      Map.of(
          401,
              new Page(
                  "ابتدا وارد سامانه شوید",
                  "برای دیدن این صفحه باید با نام کاربری و گذرواژه خود وارد شوید."),
          403,
              new Page(
                  "اجازه دیدن این صفحه را ندارید",
                  "این صفحه برای نقش شما در سامانه باز نیست. از دکمه زیر به صفحه کار خود بروید؛ اگر فکر می‌کنید باید "
                      + "اجازه داشته باشید، با مدیر سامانه تماس بگیرید."),
          404, new Page("این صفحه پیدا نشد", "نشانی صفحه درست نیست یا صفحه دیگر وجود ندارد."),
          405, new Page("این درخواست پذیرفته نیست", "این صفحه این نوع درخواست را نمی‌پذیرد."));
  private static final Page CLIENT =
      new Page("درخواست پذیرفته نشد", "درخواست شما کامل یا درست نبود.");
  private static final Page SERVER =
      new Page(
          "خطایی در سامانه رخ داد",
          "کار شما انجام نشد. چند لحظه بعد دوباره تلاش کنید؛ اگر خطا ماند، زمان آن را به پشتیبانی سامانه بگویید.");

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    Page page = PAGES.getOrDefault(status.value(), status.is5xxServerError() ? SERVER : CLIENT);
    ModelAndView view = new ModelAndView(new PageView(status.value(), page));
    view.setStatus(status);
    return view;
  }

  private record PageView(int status, Page page) implements View {

    @Override
    public String getContentType() {
      return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
    }

    @Override
    public void render(
        Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
        throws java.io.IOException {
      response.setContentType(getContentType());
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      String code = PersianText.toPersianDigits(Integer.toString(status));
      response
          .getWriter()
          .write(
              """
          <!DOCTYPE html>
          <html lang="fa" dir="rtl">
          <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>%1$s</title>
            <link rel="stylesheet" href="/css/common.css">
          </head>
          <body>
            <header class="topbar"><div class="topbar-inner">
              <div class="brand">پرونده الکترونیکی دانشجو</div>
            </div></header>
            <main id="main" class="container">
              <section class="card error-page" role="alert">
                <h1>%1$s</h1>
                <p>%2$s</p>
                <p class="help">کد خطا: <bdi>%3$s</bdi></p>
                <p><a class="btn btn-primary" href="/">رفتن به صفحه کار من</a>
                   <a class="btn btn-quiet" href="/login">ورود با کاربری دیگر</a></p>
              </section>
            </main>
          </body>
          </html>
          """
                  .formatted(page.title(), page.explanation(), code));
    }
  }
}
