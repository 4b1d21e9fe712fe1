/*
 * Parvandeh: Tasklist configuration (replaces the webjar's scripts/config.js).
 * Persian first: clerks whose browser prefers English still get English,
 * every other browser language falls back to Persian (locales/fa.json).
 */
export default {
  // The header and page title read "<vendor> <name>"; the login page shows <name>.
  app: {
    vendor: 'پرونده الکترونیکی –',
    name: 'کارتابل'
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
  disableWelcomeMessage: true,

  // Kept from the stock configuration: Tasklist's keyboard shortcuts.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'کار انتخاب‌شده را به خودتان اختصاص می‌دهد'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'نخستین فیلتر فهرست را انتخاب می‌کند'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'نخستین کار فهرست را انتخاب می‌کند'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'نخستین فیلد ورودی فرم کار را انتخاب می‌کند'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'پنجره آغاز فرایند را باز می‌کند'
    }
  }
};
