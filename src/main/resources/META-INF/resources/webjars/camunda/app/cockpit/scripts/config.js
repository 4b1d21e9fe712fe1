/*
 * Parvandeh: Cockpit configuration (replaces the webjar's scripts/config.js).
 * locales/fa.json is only partly Persian yet (labels shared with Tasklist);
 * the rest shows in English until translated.
 */
export default {
  // Header and page title read "<vendor> <name>".
  app: {
    vendor: 'پرونده الکترونیکی',
    name: '· پایش'
  },

  locales: {
    availableLocales: ['fa', 'en'],
    fallbackLocale: 'fa'
  },

  // Log out through Spring Security (see ../parvandeh/webapps.js).
  customScripts: ['../parvandeh/webapps'],

  // The login page would otherwise fetch and advertise Camunda's welcome page.
  disableWelcomeMessage: true
};
