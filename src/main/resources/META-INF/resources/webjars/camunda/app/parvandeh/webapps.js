/*
 * Parvandeh: small behaviour shared by Tasklist, Cockpit and Admin.
 * Loaded as an ES module through each app's scripts/config.js (customScripts); its AngularJS module
 * 'parvandeh.webapps' is added to the app through config.js's requireJsConfig.ngDeps (the webapps' own hook).
 *
 * 1. "Log out" must end the Spring Security session, not only Camunda's:
 *    Camunda's own logout drops its authentication, but our single sign-on
 *    (ContainerBasedAuthenticationFilter behind Spring's login) logs the user
 *    straight back in on the next request. So we POST to Spring's /logout
 *    (which invalidates the HTTP session that also holds Camunda's
 *    authentication) and then show our login page.
 * 2. Persian pages: the document reads right-to-left (dir=rtl, lang=fa); the mirroring itself is CSS
 *    (persian.css), and diagrams stay left-to-right there.
 * 3. Dates in the Solar Hijri calendar, Tehran time, Persian digits (jalali.js): every date the webapps show
 *    goes through their camDate filter, which we decorate; Tasklist's relative times ("۳ روز پیش") get
 *    Persian digits through moment's locale hook (postformat); the date picker (ui-bootstrap's, Gregorian)
 *    is covered by a Solar Hijri month view that writes the Gregorian date back into the picker's model.
 * 4. The search box keeps text criteria as text (see TEXT_CRITERIA).
 * 5. Actions our engine door refuses to everyone but admins (task comments, stand-alone tasks) are not
 *    offered to others (the html element carries pv-not-admin).
 * 6. Vendor notices (the Camunda 7 CE end-of-life banner) are hidden with CSS in persian.css.
 *
 * The module exports no plugins (default export is an empty list).
 */

import '/js/kit.js';
import {MONTHS, WEEKDAYS_SHORT, format, fromGregorian, monthLength, persianDigits, toDate, toGregorian}
  from './jalali.js';

const ADMINS = 'camunda-admin';

document.documentElement.setAttribute('dir', 'rtl');
document.documentElement.setAttribute('lang', 'fa');

// Spring Security's CSRF token, read by the kit our own pages share (see DESIGN.md, "Security").
const csrf = window.ParvandehKit.csrf;
const LOGOUT_URL = '/logout';
const AFTER_LOGOUT_URL = '/login?logout';

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
  const token = csrf.token();
  const headers = {'Content-Type': 'application/x-www-form-urlencoded'};
  if (token) {
    headers[csrf.header] = token;
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

// --- Solar Hijri dates -------------------------------------------------------------------------------

const angular = window.angular;
const FOOTER_ZONE = 'تاریخ‌ها به تقویم هجری خورشیدی و به وقت تهران نمایش داده می‌شوند.';
const PREVIOUS_MONTH = 'ماه پیش';
const NEXT_MONTH = 'ماه بعد';

function localizeMoment(moment) {
  // Tasklist's relative times ("۳ روز پیش") come from moment's from/to (fromNow and toNow call them). Only
  // their text gets Persian digits: moment's locale-wide postformat hook would also reach the machine
  // formats ("YYYY-MM-DDTHH:mm:ss") Tasklist formats and parses again.
  for (const name of ['from', 'to']) {
    const relative = moment.fn[name];
    moment.fn[name] = function () {
      return persianDigits(relative.apply(this, arguments));
    };
  }
}

const DATE_KINDS = ['normal', 'long', 'short', 'abbr', 'day', 'monthName'];

// --- labels asked for before the locale file has loaded ------------------------------------------------

// Some controllers read a label once, with $translate.instant, while the app's locale file is still on its way
// (Cockpit's instance table header PLUGIN_PROCESS_INSTANCE_STATE, Admin's first USERS_USERS and
// SEARCH_PLACEHOLDER): angular-translate answers with the key itself, and the key stays on screen. The webapps
// import this script before they start, and wait for it, so the same locale file read here is there in time.
const APP = (window.location.pathname.match(/\/app\/([a-z]+)\//) || [])[1];
const EARLY_LABELS = APP ? await fetch(new URL('../' + APP + '/locales/fa.json', import.meta.url),
  {credentials: 'same-origin'})
  .then(response => response.ok ? response.json() : {})
  .then(locale => locale.labels || {})
  .catch(() => ({})) : {};

function earlyLabels($translate) {
  const instant = $translate.instant;
  $translate.instant = function (id, params) {
    const text = instant.apply(this, arguments);
    const early = typeof id === 'string' && !params ? EARLY_LABELS[id] : undefined;
    return typeof early === 'string' && text === id ? early : text;
  };
  return $translate;
}


angular.module('parvandeh.webapps', [])
  .config(['$injector', function ($injector) {
    if (!$injector.has('camDateFormatProvider') || !$injector.has('configurationProvider')) {
      return;
    }
    // config.js's dateFormat once more, last: Cockpit's own configuration sets ISO patterns after reading it.
    const camDateFormat = $injector.get('camDateFormatProvider');
    const configuration = $injector.get('configurationProvider');
    DATE_KINDS.forEach(kind => camDateFormat.setDateFormat(configuration.getDateFormat(kind), kind));
  }])
  .config(['$provide', '$injector', function ($provide, $injector) {
    if ($injector.has('$translateProvider')) {
      $provide.decorator('$translate', ['$delegate', earlyLabels]);
    }
    if (!$injector.has('camDateFilterProvider')) {
      return;
    }
    // Every date the three webapps print goes through camDate with one of config.js's dateFormat patterns.
    $provide.decorator('camDateFilter', ['$delegate', 'camDateFormat', function ($delegate, camDateFormat) {
      return function (value, kind) {
        const date = value ? toDate(value) : null;
        return date && !isNaN(date.getTime()) ? format(date, camDateFormat(kind)) : $delegate(value, kind);
      };
    }]);
  }])
  .run(['$injector', function ($injector) {
    if ($injector.has('moment')) {
      localizeMoment($injector.get('moment'));
    }
  }]);

/**
 * A Solar Hijri month view inside ui-bootstrap's datepicker (whose own Gregorian views are hidden by CSS).
 * Picking a day writes that calendar day, as a Gregorian date, into the picker's model and keeps its time of day.
 */
function jalaliPicker(host) {
  const ngModel = angular.element(host).controller('ngModel');
  const injector = angular.element(host).injector();
  if (!ngModel || !injector) {
    return;
  }
  host.classList.add('pv-jalali-host');
  const picker = document.createElement('div');
  picker.className = 'pv-jalali-picker';
  picker.setAttribute('dir', 'rtl');
  host.appendChild(picker);
  const $rootScope = injector.get('$rootScope');

  function modelDate() {
    const value = ngModel.$viewValue;
    return value instanceof Date && !isNaN(value.getTime()) ? value : null;
  }
  function jalaliOf(date) {
    return fromGregorian(date.getFullYear(), date.getMonth() + 1, date.getDate());
  }
  let shown = jalaliOf(modelDate() || new Date());

  // Built with DOM calls, not markup: nothing here is ever parsed as HTML.
  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function monthButton(className, label, arrow) {
    const button = element('button', 'btn btn-default btn-sm ' + className, arrow);
    button.type = 'button';
    button.title = label;
    button.setAttribute('aria-label', label);
    return button;
  }

  function render() {
    const selected = modelDate() ? jalaliOf(modelDate()) : null;
    const today = jalaliOf(new Date());
    const first = toGregorian(shown.year, shown.month, 1);
    // Columns from Saturday: JavaScript counts Sunday as 0 and Saturday as 6.
    const offset = (new Date(Date.UTC(first.year, first.month - 1, first.day)).getUTCDay() + 1) % 7;
    const days = monthLength(shown.year, shown.month);
    const same = (date, day) => date && date.year === shown.year && date.month === shown.month && date.day === day;

    const head = element('div', 'pv-jalali-head');
    head.append(monthButton('pv-jalali-previous', PREVIOUS_MONTH, '\u203A'),
      element('strong', 'pv-jalali-title', MONTHS[shown.month - 1] + ' ' + persianDigits(shown.year)),
      monthButton('pv-jalali-next', NEXT_MONTH, '\u2039'));
    const table = element('table', 'pv-jalali-days');
    const weekdays = table.createTHead().insertRow();
    [6, 0, 1, 2, 3, 4, 5].forEach(d => weekdays.appendChild(element('th', null, WEEKDAYS_SHORT[d])));
    const body = table.createTBody();
    for (let cell = 0; cell < offset + days; cell += 7) {
      const row = body.insertRow();
      for (let i = cell; i < cell + 7; i++) {
        const day = i - offset + 1;
        const td = row.insertCell();
        if (day < 1 || day > days) {
          continue;
        }
        const button = element('button', 'btn btn-sm ' + (same(selected, day) ? 'btn-primary active' : 'btn-default')
          + (same(today, day) ? ' pv-today' : ''), persianDigits(day));
        button.type = 'button';
        button.dataset.day = String(day);
        td.appendChild(button);
      }
    }
    picker.replaceChildren(head, table);
  }

  function move(step) {
    const index = shown.year * 12 + shown.month - 1 + step;
    shown = {year: Math.floor(index / 12), month: index % 12 + 1, day: 1};
    render();
  }

  function pick(day) {
    const g = toGregorian(shown.year, shown.month, day);
    const date = modelDate() ? new Date(modelDate().getTime()) : new Date(new Date().setHours(0, 0, 0, 0));
    date.setFullYear(g.year, g.month - 1, g.day);
    $rootScope.$apply(() => {
      ngModel.$setViewValue(date);
      ngModel.$render();
    });
    render();
  }

  picker.addEventListener('click', event => {
    event.stopPropagation();
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) {
      return;
    }
    event.preventDefault();
    if (button.dataset.day) {
      pick(Number(button.dataset.day));
    } else {
      move(button.classList.contains('pv-jalali-next') ? 1 : -1);
    }
  });

  // A model changed from outside (the time picker, a reset) shows its own month.
  const stop = $rootScope.$watch(() => modelDate() && modelDate().getTime(), (now, before) => {
    if (!host.isConnected) {
      stop();
      return;
    }
    if (now !== before && modelDate()) {
      shown = jalaliOf(modelDate());
      render();
    }
  });
  render();
}

// --- the time picker's hours and minutes ------------------------------------------------------------------

/** Persian (and Arabic-Indic) digits as Latin ones: what the time picker's own arithmetic reads. */
function latinDigits(text) {
  return String(text).replace(/[\u06F0-\u06F9]/g, d => String(d.charCodeAt(0) - 0x06F0))
    .replace(/[\u0660-\u0669]/g, d => String(d.charCodeAt(0) - 0x0660));
}

/**
 * The time picker's hour and minute boxes (ui-bootstrap's, bound to its scope) read in Persian digits and take digits
 * of either script; its scope, and so the time it stores, keeps Latin digits.
 */
function persianTimeInput(input) {
  const ngModel = angular.element(input).controller('ngModel');
  if (!ngModel) {
    return;
  }
  input.classList.add('pv-persian-digits');
  ngModel.$parsers.unshift(value => typeof value === 'string' ? latinDigits(value) : value);
  // Formatters run last to first: this one last, on the padded text the picker shows.
  ngModel.$formatters.unshift(value => value === null || value === undefined ? value : persianDigits(value));
  // What the box shows now, without telling the picker its time changed (it did not).
  if (ngModel.$modelValue !== null && ngModel.$modelValue !== undefined) {
    ngModel.$viewValue = persianDigits(ngModel.$modelValue);
    ngModel.$render();
  }
}

function footerZone() {
  const original = document.getElementById('footer-timezone');
  if (!original || original.classList.contains('pv-replaced')) {
    return;
  }
  original.classList.add('pv-replaced');
  const zone = document.createElement('div');
  zone.className = original.className.replace('pv-replaced', '').trim() + ' pv-footer-zone';
  zone.textContent = FOOTER_ZONE;
  original.parentNode.insertBefore(zone, original);
}

// Search criteria whose values are text. The search box turns a value that looks like a number (a student
// number, a Golestan screen 14010) into a number unless its criterion says enforceString, and then fails on it
// ("TypeError: e.replace is not a function") for "like" criteria such as the task's name.
const TEXT_CRITERIA = ['name', 'description', 'assignee', 'owner', 'candidateGroup', 'candidateUser',
  'involvedUser', 'processInstanceBusinessKey', 'caseInstanceBusinessKey', 'processDefinitionName',
  'processDefinitionKey', 'processDefinitionId', 'caseDefinitionName', 'caseDefinitionKey', 'caseDefinitionId',
  'taskDefinitionKey', 'executionId', 'caseInstanceId', 'caseExecutionId', 'processInstanceIdIn', 'tenantIdIn',
  'businessKey', 'activityIdIn', 'incidentMessage'];

function textCriteria(search) {
  search.classList.add('pv-text-criteria');
  const scope = angular.element(search).isolateScope();
  const types = scope && Array.isArray(scope.types) ? scope.types : [];
  for (const type of types) {
    if (type && type.id && TEXT_CRITERIA.indexOf(type.id.key) >= 0) {
      type.enforceString = true;
    }
  }
}

// --- English written into the webapps' own templates -------------------------------------------------

// Words in the webapps' templates and scripts rather than in their locale files: exact texts of their chrome (a
// text node's whole trimmed text, or a title/placeholder attribute) and their Persian.
const CHROME_TEXT = {
  'Failed Job': 'کار ناموفق',
  'Message is null.': 'پیامی ثبت نشده است.',
  'Actions': 'اقدام‌ها',
  'zoom in': 'بزرگ‌نمایی',
  'zoom out': 'کوچک‌نمایی',
  'reset zoom': 'اندازه اصلی',
  'Input label': 'برچسب ورودی',
  'Input Label': 'برچسب ورودی',
  'Output label': 'برچسب خروجی',
  'Output Label': 'برچسب خروجی',
  'Input values': 'مقادیر ورودی',
  'Output values': 'مقادیر خروجی',
  'Collects the values of all matching rules': 'مقادیر همه قاعده‌های منطبق را گرد می‌آورد',
  'Camunda Platform': 'سکوی Camunda',
  // Admin's metrics: process instances, decision instances, task users, flow-node instances, decision elements.
  'PI': 'نمونه فرایند',
  'DI': 'نمونه تصمیم',
  'TU': 'کاربر کار',
  'FNI': 'گره اجراشده',
  'EDE': 'عنصر تصمیم اجراشده',
  // Admin's authorization editor.
  'Select all': 'انتخاب همه',
  'Unselect all': 'برداشتن همه'
};
// Admin prints an authorization's permissions as the engine names them, alone or as a list ("READ, UPDATE").
const PERMISSIONS = {
  ALL: 'همه', NONE: 'هیچ', ACCESS: 'دسترسی', READ: 'خواندن', UPDATE: 'ویرایش', CREATE: 'ایجاد', DELETE: 'حذف',
  SUSPEND: 'تعلیق', SET: 'تنظیم', CREATE_INSTANCE: 'ایجاد نمونه', READ_INSTANCE: 'خواندن نمونه',
  UPDATE_INSTANCE: 'ویرایش نمونه', RETRY_JOB: 'تلاش دوباره کار پس‌زمینه', SUSPEND_INSTANCE: 'تعلیق نمونه',
  DELETE_INSTANCE: 'حذف نمونه', MIGRATE_INSTANCE: 'انتقال نمونه', READ_TASK: 'خواندن کار',
  UPDATE_TASK: 'ویرایش کار', TASK_ASSIGN: 'واگذاری کار', TASK_WORK: 'انجام کار',
  READ_TASK_VARIABLE: 'خواندن متغیر کار', UPDATE_TASK_VARIABLE: 'ویرایش متغیر کار', READ_HISTORY: 'خواندن سابقه',
  READ_HISTORY_VARIABLE: 'خواندن متغیر سابقه', UPDATE_HISTORY: 'ویرایش سابقه', DELETE_HISTORY: 'حذف سابقه',
  READ_INSTANCE_VARIABLE: 'خواندن متغیر نمونه', UPDATE_INSTANCE_VARIABLE: 'ویرایش متغیر نمونه',
  READ_VARIABLE: 'خواندن متغیر', UPDATE_VARIABLE: 'ویرایش متغیر',
  CREATE_BATCH_MIGRATE_PROCESS_INSTANCES: 'ایجاد دسته انتقال نمونه‌ها',
  CREATE_BATCH_MODIFY_PROCESS_INSTANCES: 'ایجاد دسته تغییر نمونه‌ها',
  CREATE_BATCH_RESTART_PROCESS_INSTANCES: 'ایجاد دسته آغاز دوباره نمونه‌ها',
  CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES: 'ایجاد دسته حذف نمونه‌های در حال اجرا',
  CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES: 'ایجاد دسته حذف نمونه‌های پایان‌یافته',
  CREATE_BATCH_DELETE_DECISION_INSTANCES: 'ایجاد دسته حذف نمونه‌های تصمیم',
  CREATE_BATCH_SET_JOB_RETRIES: 'ایجاد دسته تنظیم تلاش‌های کار پس‌زمینه',
  CREATE_BATCH_SET_REMOVAL_TIME: 'ایجاد دسته تنظیم زمان حذف',
  CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES: 'ایجاد دسته تنظیم تلاش‌های کار بیرونی',
  CREATE_BATCH_UPDATE_PROCESS_INSTANCES_SUSPEND: 'ایجاد دسته تعلیق نمونه‌ها',
  CREATE_BATCH_SET_VARIABLES: 'ایجاد دسته تنظیم متغیرها'
};

/** "READ, UPDATE" as «خواندن، ویرایش»; null unless every part is a permission's name (Admin only). */
function permissionNames(text) {
  if (APP !== 'admin') {
    return null;
  }
  const names = text.split(/\s*,\s*/);
  return names.every(name => Object.prototype.hasOwnProperty.call(PERMISSIONS, name))
    ? names.map(name => PERMISSIONS[name]).join('، ') : null;
}
// Texts shown with a number in them: a definition's version after its name, the product's version.
const CHROME_PATTERNS = [
  [/^\(v\. ?([0-9][0-9.]*)\)$/, (m, version) => '(نسخه ' + persianDigits(version) + ')'],
  [/^v([0-9][0-9.]*)$/, (m, version) => 'نسخه ' + persianDigits(version)]
];
// An empty tenant id is printed as "null" in these columns, and Cockpit's sidebars print a missing super process
// instance or decision name as a literal "null" (the other empty fields use the locale's *_NULL label).
const NULL_CELLS = '.tenant-id, .tenant, [class*="tenant"], .null-value';
const NO_VALUE = 'ندارد';
// Numbers the webapps print in their chrome: Tasklist's priority and filter counts, Cockpit's counts and the
// history time-to-live ("days 3650"), the time picker, a file's business key (its student number, in Cockpit's
// instance tables and sidebar); read with Persian digits, the values themselves unchanged (copying a business key
// still copies its model value).
const CHROME_NUMBERS = ['.priority', '[cam-tasklist-filters] .counter', '.dashboard .value',
  '.dashboard .count', '.ctn-header .badge', '.badge', '.instances-count', '.incidents-count', '.value-count',
  '.history-time-to-live', '.running-instances', '[cam-widget-inline-field] .view-value', '.uib-timepicker',
  '.pagination', '[cam-widget-search] .total-results', '.definition-version', '.version-tag', '[change-version]',
  '.business-key'].join(', ');
// User data is never translated: diagrams and tables drawn by bpmn-js/dmn-js, values people typed.
const USER_DATA = 'svg, .djs-container, .tjs-container td, .dmn-decision-table-container td, textarea, '
  + '[contenteditable], pre, code, .variable-value, [cam-variable-value], .process-name, .task-name';

function inUserData(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !element || element.closest(USER_DATA) !== null;
}

function chromeText(text, element) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(CHROME_TEXT, trimmed)) {
    return CHROME_TEXT[trimmed];
  }
  if (trimmed === 'null' && element && element.closest(NULL_CELLS)) {
    return NO_VALUE;
  }
  const permissions = permissionNames(trimmed);
  if (permissions !== null) {
    return permissions;
  }
  for (const [pattern, replace] of CHROME_PATTERNS) {
    if (pattern.test(trimmed)) {
      return trimmed.replace(pattern, replace);
    }
  }
  return null;
}

function translateText(node) {
  if (inUserData(node)) {
    return;
  }
  const parent = node.parentElement;
  let text = node.nodeValue;
  const translated = chromeText(text, parent);
  if (translated !== null) {
    text = text.replace(text.trim(), translated);
  }
  if (/[0-9]/.test(text) && parent && parent.closest(CHROME_NUMBERS) && !parent.closest('input')) {
    text = persianDigits(text);
  }
  if (text !== node.nodeValue) {
    node.nodeValue = text;
  }
}

function translateAttributes(element) {
  if (element.closest('svg')) {
    return;
  }
  for (const name of ['title', 'placeholder']) {
    const value = element.getAttribute(name);
    const translated = value ? chromeText(value, null) : null;
    if (translated !== null) {
      element.setAttribute(name, translated);
    }
  }
}

/** Admin's authorization heading is "{{title}} {{AUTHORIZATIONS}}": Persian reads «مجوزهای دسترسی <resource>». */
function authorizationHeading() {
  const label = EARLY_LABELS.AUTHORIZATION_AUTHORIZATIONS;
  const heading = APP === 'admin' && label ? document.querySelector('.section-content > header h3') : null;
  const text = heading && heading.childNodes.length === 1 && heading.firstChild.nodeType === Node.TEXT_NODE
    ? heading.firstChild.nodeValue.trim() : '';
  if (text.endsWith(' ' + label)) {
    heading.firstChild.nodeValue = label + ' ' + text.substring(0, text.length - label.length - 1);
  }
}

function translateChrome(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
  translateAttributes(root);
  root.querySelectorAll('[title], [placeholder]').forEach(translateAttributes);
  authorizationHeading();
}

let scheduled = false;
function enhance() {
  scheduled = false;
  document.querySelectorAll('[uib-datepicker]:not(.pv-jalali-host)').forEach(jalaliPicker);
  document.querySelectorAll('[cam-widget-search]:not(.pv-text-criteria)').forEach(textCriteria);
  document.querySelectorAll('.uib-timepicker input:not(.pv-persian-digits)').forEach(persianTimeInput);
  footerZone();
  const roots = [...changed].filter(root => root.isConnected);
  changed.clear();
  const set = new Set(roots);
  roots.filter(root => !hasChangedAncestor(root, set)).forEach(translateChrome);
}
function hasChangedAncestor(root, set) {
  for (let up = root.parentElement; up; up = up.parentElement) {
    if (set.has(up)) {
      return true;
    }
  }
  return false;
}
// Only the parts that changed are translated again. Text AngularJS writes again (characterData) and titles it sets
// are seen too; what was translated once no longer matches, so our own changes end the round.
const changed = new Set();
new MutationObserver(records => {
  for (const record of records) {
    const target = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
    if (target) {
      changed.add(target);
    }
  }
  if (!scheduled) {
    scheduled = true;
    setTimeout(enhance, 0);
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true,
  attributes: true, attributeFilter: ['title', 'placeholder']});

// --- actions only admins may take through the engine door --------------------------------------------

document.documentElement.classList.add('pv-not-admin');
fetch('/api/me', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then(response => response.ok ? response.json() : null)
  .then(me => {
    if (me && Array.isArray(me.groups) && me.groups.indexOf(ADMINS) >= 0) {
      document.documentElement.classList.remove('pv-not-admin');
    }
  })
  .catch(() => {});

export default [];
