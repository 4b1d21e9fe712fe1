package app.parvandeh.web;

import app.parvandeh.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the start page, which sends each user where their work is. */
@Controller
class HomeController {

  @GetMapping("/login")
  String login() {
    return "forward:/login.html";
  }

  @GetMapping("/")
  String home(Authentication authentication) {
    return CurrentUser.of(authentication).isStudent()
        ? "redirect:/portal/" : "redirect:/camunda/app/tasklist/default/";
  }
}
