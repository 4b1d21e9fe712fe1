// The CSRF token our server sets in the PARVANDEH-XSRF cookie; every page sends it back as the
// X-PARVANDEH-XSRF header (API calls) or the _csrf field (forms). Shared by the sign-in page, portal,
// file page and reports.
(function () {
  'use strict';
  window.ParvandehCsrf = {
    header: 'X-PARVANDEH-XSRF',
    token: function () {
      var parts = document.cookie ? document.cookie.split(';') : [];
      for (var i = 0; i < parts.length; i++) {
        var p = parts[i].trim();
        var eq = p.indexOf('=');
        if (eq > 0 && p.substring(0, eq) === 'PARVANDEH-XSRF') {
          try { return decodeURIComponent(p.substring(eq + 1)); } catch (e) { return p.substring(eq + 1); }
        }
      }
      return '';
    }
  };
})();
