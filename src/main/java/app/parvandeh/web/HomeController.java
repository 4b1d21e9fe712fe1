package app.parvandeh.web;

import app.parvandeh.security.CurrentUser;
import app.parvandeh.security.WorkingScreens;
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

  private final WorkingScreens screens;

  HomeController(WorkingScreens screens) {
    this.screens = screens;
  }

  @GetMapping("/")
  String home(Authentication authentication) {
    return "redirect:" + screens.of(CurrentUser.of(authentication));
  }
}
