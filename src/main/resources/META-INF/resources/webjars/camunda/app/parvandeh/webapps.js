/*
 * Parvandeh: small behaviour shared by Tasklist, Cockpit and Admin.
 * Loaded as an ES module through each app's scripts/config.js (customScripts).
 *
 * 1. "Log out" must end the Spring Security session, not only Camunda's:
 *    Camunda's own logout drops its authentication, but our single sign-on
 *    (ContainerBasedAuthenticationFilter behind Spring's login) logs the user
 *    straight back in on the next request. So we POST to Spring's /logout
 *    (which invalidates the HTTP session that also holds Camunda's
 *    authentication) and then show our login page.
 * 2. Vendor notices (the Camunda 7 CE end-of-life banner) are hidden with CSS
 *    in each app's styles/user-styles.css; see there.
 *
 * The module exports no plugins (default export is an empty list).
 */

// Spring Security's CSRF cookie and header (see DESIGN.md, "Security").
const CSRF_COOKIE = 'PARVANDEH-XSRF';
const CSRF_HEADER = 'X-PARVANDEH-XSRF';
const LOGOUT_URL = '/logout';
const AFTER_LOGOUT_URL = '/login?logout';

function readCookie(name) {
  const prefix = name + '=';
  for (const part of document.cookie.split(';')) {
    const c = part.trim();
    if (c.startsWith(prefix)) {
      return decodeURIComponent(c.substring(prefix.length));
    }
  }
  return null;
}

// Fallback when fetch itself fails: a plain form POST lets the browser follow
// Spring's own logout-success redirect.
function submitLogoutForm(token) {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = LOGOUT_URL;
  form.style.display = 'none';
  if (token) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = '_csrf';
    input.value = token;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}

async function springLogout() {
  const token = readCookie(CSRF_COOKIE);
  const headers = {'Content-Type': 'application/x-www-form-urlencoded'};
  if (token) {
    headers[CSRF_HEADER] = token;
  }
  try {
    // redirect: 'manual' - Spring answers with a redirect; we choose the page ourselves.
    await fetch(LOGOUT_URL, {
      method: 'POST',
      credentials: 'same-origin',
      redirect: 'manual',
      headers,
      body: token ? '_csrf=' + encodeURIComponent(token) : ''
    });
    window.location.assign(AFTER_LOGOUT_URL);
  } catch (e) {
    console.error('Parvandeh: logout request failed, falling back to a form POST', e);
    submitLogoutForm(token);
  }
}

// The header's "log out" link is <li class="logout"><a ng-click="logout()">.
// A capturing listener on the document runs before AngularJS's ng-click
// handler on the link, so Camunda's own logout (and its reload to #/login)
// never starts.
document.addEventListener('click', event => {
  const link = event.target instanceof Element
    ? event.target.closest('[cam-widget-header] li.logout a')
    : null;
  if (!link) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  springLogout();
}, true);

export default [];
