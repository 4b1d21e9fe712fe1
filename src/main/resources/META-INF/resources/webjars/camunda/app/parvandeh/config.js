/*
 * Parvandeh: the configuration the four webapps share; each app's scripts/config.js (which replaces the webjar's)
 * is this with its own name: persianConfig('کارتابل', {…anything only that app has}).
 */
export function persianConfig(name, {customScripts = [], ...more} = {}) {
  return {
    // The header and page title read "<vendor> <name>"; the login page shows <name>.
    app: {
      vendor: 'پرونده الکترونیکی –',
      name
    },

    // Every label in Persian (locales/fa.json of each app), whatever language the browser prefers.
    locales: {
      availableLocales: ['fa'],
      fallbackLocale: 'fa'
    },

    // Log out through Spring Security, Persian layout and dates (see ./webapps.js); then the app's own.
    customScripts: ['../parvandeh/webapps', ...customScripts],

    // Our AngularJS module (./webapps.js): Solar Hijri dates and the Solar Hijri date picker.
    requireJsConfig: {
      ngDeps: ['parvandeh.webapps']
    },

    // moment.js patterns, printed in the Solar Hijri calendar, Tehran time, Persian digits by ./jalali.js;
    // "normal" reads like our own pages (JalaliDates.dateTime): ۱۴۰۵/۰۹/۱۰ ۱۰:۴۴.
    dateFormat: {
      normal: 'YYYY/MM/DD HH:mm',
      long: 'LLLL',
      short: 'LL',
      abbr: 'lll',
      day: 'DD',
      monthName: 'MMMM'
    },

    // The login page would otherwise fetch and advertise Camunda's welcome page.
    disableWelcomeMessage: true,
    ...more
  };
}
