/*
 * Parvandeh: Cockpit configuration (replaces the webjar's scripts/config.js).
 * locales/fa.json is only partly Persian yet (labels shared with Tasklist and
 * the most common short labels: navigation, dashboard, list columns);
 * the rest shows in English until translated.
 */
export default {
  // The header and page title read "<vendor> <name>"; the login page shows <name>.
  app: {
    vendor: 'پرونده الکترونیکی –',
    name: 'پایش'
  },

  locales: {
    availableLocales: ['fa'],
    fallbackLocale: 'fa'
  },

  // Log out through Spring Security (see ../parvandeh/webapps.js).
  customScripts: ['../parvandeh/webapps'],

  // The login page would otherwise fetch and advertise Camunda's welcome page.
  disableWelcomeMessage: true
};
