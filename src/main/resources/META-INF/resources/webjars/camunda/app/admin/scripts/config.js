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

  // Log out through Spring Security, Persian layout and dates (see ../parvandeh/webapps.js).
  customScripts: ['../parvandeh/webapps'],

  // Our AngularJS module (../parvandeh/webapps.js): Solar Hijri dates and the Solar Hijri date picker.
  requireJsConfig: {
    ngDeps: ['parvandeh.webapps']
  },

  // moment.js patterns, printed in the Solar Hijri calendar, Tehran time, Persian digits by
  // ../parvandeh/jalali.js; "normal" reads like our own pages (JalaliDates.dateTime): ۱۴۰۵/۰۹/۱۰ ۱۰:۴۴.
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
