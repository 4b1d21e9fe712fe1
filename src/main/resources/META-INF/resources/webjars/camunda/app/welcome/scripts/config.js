/*
 * Parvandeh: Welcome configuration (replaces the webjar's scripts/config.js).
 * Same locale, dates and custom script as Tasklist, Cockpit and Admin, so the
 * page a user reaches after signing in is Persian, right-to-left and Solar Hijri too.
 */
export default {
  app: {
    vendor: 'پرونده الکترونیکی –',
    name: 'خوش آمدید'
  },

  locales: {
    availableLocales: ['fa'],
    fallbackLocale: 'fa'
  },

  // Log out through Spring Security, Persian layout and dates (see ../parvandeh/webapps.js).
  customScripts: ['../parvandeh/webapps'],

  requireJsConfig: {
    ngDeps: ['parvandeh.webapps']
  },

  // As in the other apps' config.js (printed by ../parvandeh/jalali.js).
  dateFormat: {
    normal: 'YYYY/MM/DD HH:mm',
    long: 'LLLL',
    short: 'LL',
    abbr: 'lll',
    day: 'DD',
    monthName: 'MMMM'
  },

  // The login page would otherwise fetch and advertise Camunda's welcome page.
  disableWelcomeMessage: true
};
