/*
 * Parvandeh: Admin configuration (replaces the webjar's scripts/config.js).
 * locales/fa.json: all labels in Persian.
 */
export default {
  // The header and page title read "<vendor> <name>"; the login page shows <name>.
  app: {
    vendor: 'پرونده الکترونیکی –',
    name: 'مدیریت'
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
