/*
 * Parvandeh: the small front-end kit every page of ours and every Tasklist form shares (window.ParvandehKit).
 * Pages load it with <script src="/js/kit.js">; Tasklist loads it once at start through its config.js
 * (customScripts → ../parvandeh/forms.js), so the forms in forms/ find it ready. One copy of:
 *   el, clear, show        - text-only DOM (strings become text nodes; nothing here ever parses HTML)
 *   faDigits, formatSize   - Persian digits and sizes
 *   safeContentUrl         - only our own /api/ paths may become href/src
 *   csrf                   - the PARVANDEH-XSRF cookie, sent back as the X-PARVANDEH-XSRF header or _csrf field
 *   api, errorFrom         - JSON calls; a refusal rejects with {status, messageFa, messageEn}
 *   showError              - a refusal in a box: Persian, with the English small beneath it
 *   labels                 - the Persian names of codes, from GET /api/labels (the server's, never a copy)
 *   noteAddress            - one address of a note (report 112, the file page, the clearance form)
 * The file starts with a byte-order mark: Tasklist's page does not declare its encoding, and the BOM makes every
 * browser read the script as UTF-8.
 */
(function () {
  'use strict';
  if (window.ParvandehKit) { return; }

  var DIGITS = '۰۱۲۳۴۵۶۷۸۹';
  var CSRF_COOKIE = 'PARVANDEH-XSRF';
  var CSRF_HEADER = 'X-PARVANDEH-XSRF';

  /** Persian digits for every digit in the value; null and undefined read as the empty string. */
  function faDigits(value) {
    return value === null || value === undefined ? ''
      : String(value).replace(/[0-9]/g, function (d) { return DIGITS.charAt(+d); });
  }

  // el('div', {className: 'x', text: 't', hidden: true, onclick: fn, title: 'y'}, 'text', node, [more], null):
  // strings and numbers become text nodes, arrays are flattened, null/undefined/false are skipped.
  function el(tag, props) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) { return; }
      if (key === 'className') { node.className = value; }
      else if (key === 'text') { node.textContent = String(value); }
      else if (key === 'hidden') { node.hidden = true; }
      else if (key.indexOf('on') === 0 && typeof value === 'function') { node.addEventListener(key.substring(2), value); }
      else { node.setAttribute(key, value === true ? '' : String(value)); }
    });
    for (var i = 2; i < arguments.length; i++) { append(node, arguments[i]); }
    return node;
  }
  function append(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }
  function show(node, visible) { node.hidden = !visible; }

  /** Bytes as the clerk reads them: «۵۱۲ بایت», «۳۴ کیلوبایت», «۱٫۵ مگابایت». */
  function formatSize(bytes) {
    if (typeof bytes !== 'number' || !isFinite(bytes) || bytes < 0) { return '—'; }
    if (bytes < 1024) { return faDigits(bytes) + ' بایت'; }
    if (bytes < 1024 * 1024) { return faDigits(Math.max(1, Math.round(bytes / 1024))) + ' کیلوبایت'; }
    var mb = bytes / (1024 * 1024);
    var text = mb >= 100 ? String(Math.round(mb)) : mb.toFixed(1).replace(/\.0$/, '');
    return faDigits(text).replace('.', '٫') + ' مگابایت';
  }

  /** The URL if it is one of our own API paths (a query string allowed), else null: never javascript: or foreign. */
  function safeContentUrl(url) {
    return typeof url === 'string' && /^\/api\/[A-Za-z0-9\/_\-.]+(\?[A-Za-z0-9_\-.=&%]*)?$/.test(url) ? url : null;
  }

  var csrf = {
    header: CSRF_HEADER,
    token: function () {
      var parts = document.cookie ? document.cookie.split(';') : [];
      for (var i = 0; i < parts.length; i++) {
        var part = parts[i].trim();
        var eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq) === CSRF_COOKIE) {
          try { return decodeURIComponent(part.substring(eq + 1)); } catch (e) { return part.substring(eq + 1); }
        }
      }
      return '';
    }
  };

  var NETWORK_ERROR = {status: 0, messageFa: 'ارتباط با سامانه برقرار نشد. اتصال شبکه را بررسی و دوباره تلاش کنید.',
    messageEn: 'Network error.'};
  var SESSION_EXPIRED = {status: 401, messageFa: 'نشست شما به پایان رسیده است. صفحه را بازخوانی کنید و دوباره وارد شوید.',
    messageEn: 'The session has expired.'};
  // What a refusal says when the server sent no message of its own (a proxy's page, a container's error).
  var FALLBACK = {
    400: ['درخواست نادرست است.', 'Bad request.'],
    403: ['اجازه انجام این کار را ندارید.', 'You are not allowed to do this.'],
    404: ['موردی یافت نشد.', 'Not found.'],
    409: ['این کار در وضعیت کنونی ممکن نیست؛ صفحه را بازخوانی کنید.', 'Not possible in the current state; reload.'],
    413: ['حجم فایل بیش از حد مجاز است.', 'The file is too large.'],
    415: ['نوع فایل پذیرفته نیست.', 'Unsupported file type.']
  };

  /** A failed response as {status, messageFa, messageEn}: the server's own messages, else a fallback by status. */
  function errorFrom(status, body) {
    var fallback = FALLBACK[status] || (status >= 500
      ? ['خطایی در سامانه رخ داد (کد ' + faDigits(status) + '). کمی بعد دوباره تلاش کنید.', 'Server error (' + status + ').']
      : ['درخواست انجام نشد (کد ' + faDigits(status) + ').', 'Request failed (' + status + ').']);
    return {
      status: status,
      messageFa: (body && body.messageFa) || fallback[0],
      messageEn: (body && (body.messageEn || body.detail)) || fallback[1]
    };
  }

  function isLoginPage(url) {
    try { return new URL(url, window.location.href).pathname === '/login'; } catch (e) { return false; }
  }

  /**
   * One call to our API. body: undefined, FormData (sent as is) or anything else (sent as JSON). Resolves with
   * the parsed JSON (null for an empty answer); rejects with {status, messageFa, messageEn}. A sign-in page
   * instead of an answer (the session ended) rejects with the session-expired message, unless the page set
   * ParvandehKit.onSessionExpired: then that runs (it leaves for the sign-in page) and the call never settles.
   */
  function api(method, url, body) {
    var headers = {'Accept': 'application/json'};
    var payload = body;
    if (method !== 'GET') { headers[CSRF_HEADER] = csrf.token(); }
    if (body !== undefined && body !== null && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return fetch(url, {method: method, credentials: 'same-origin', cache: 'no-store', headers: headers, body: payload})
      .catch(function () { throw NETWORK_ERROR; })
      .then(function (res) {
        var json = (res.headers.get('Content-Type') || '').indexOf('json') >= 0;
        if (res.status === 401 || (res.redirected && isLoginPage(res.url)) || (res.ok && !json && res.status !== 204
            && (res.headers.get('Content-Type') || '').indexOf('text/html') === 0)) {
          if (kit.onSessionExpired) {
            kit.onSessionExpired();
            return new Promise(function () {});   // never settles: the page is going to the sign-in page
          }
          throw SESSION_EXPIRED;
        }
        return res.text().then(function (text) {
          var data = null;
          if (text && json) { try { data = JSON.parse(text); } catch (e) { data = null; } }
          if (!res.ok) { throw errorFrom(res.status, data); }
          return data;
        });
      });
  }

  /** Shows a refusal in the box: the Persian message, the English one small and left-to-right beneath it. */
  function showError(box, err) {
    clear(box);
    box.appendChild(document.createTextNode((err && err.messageFa) || NETWORK_ERROR.messageFa));
    if (err && err.messageEn) { box.appendChild(el('small', {dir: 'ltr', lang: 'en', text: err.messageEn})); }
    show(box, true);
    return box;
  }

  /**
   * One address of a note, as report 112, the file page and the clearance form all show it (the same words as the
   * report's CSV and PDF): a link to the document in the file; an external reference as written; or an address
   * whose document was deleted or never found. An address without {@code resolved} (the file page's) is taken as
   * resolved. Returns an li.
   */
  function noteAddress(a) {
    var url = safeContentUrl(a.url);
    var label = a.label ? a.label + ' – ' : '';
    if (url) {
      return el('li', {className: 'pv-address'}, el('span', {className: 'tag tag-doc'}, 'مدرک پرونده'),
        el('a', {href: url, target: '_blank', rel: 'noopener'}, (a.documentTypeName || a.label || 'مدرک'),
          a.fileName ? [' – ', el('bdi', null, a.fileName)] : null));
    }
    if (a.resolved === false && !a.external) {
      return el('li', {className: 'pv-address'}, el('span', {className: 'tag tag-bad'}, 'نشانی نامعتبر'),
        label + 'مدرک حذف شده یا پیدا نشد (نشانی: ', el('bdi', {className: 'ltr'}, a.address), ')');
    }
    return el('li', {className: 'pv-address'}, el('span', {className: 'tag tag-ext'}, 'مرجع بیرونی'),
      label + 'نشانی: ', el('bdi', {className: 'ltr'}, a.address));
  }

  var labelsOnce = null;
  /** The server's Persian names of codes (GET /api/labels), fetched once per page. */
  function labels() {
    if (!labelsOnce) {
      labelsOnce = api('GET', '/api/labels').catch(function (err) { labelsOnce = null; throw err; });
    }
    return labelsOnce;
  }
  /** The Persian name of a code in one of the label groups, or the code itself when the group has no name. */
  function labelOf(all, group, code) {
    return (all && all[group] && all[group][code]) || code;
  }

  // Every form of ours that posts (log out, above all) carries the token in its _csrf field, filled as it is sent.
  document.addEventListener('submit', function (event) {
    var field = event.target && event.target.elements && event.target.elements._csrf;
    if (field) { field.value = csrf.token(); }
  }, true);

  var kit = {
    el: el, clear: clear, show: show, faDigits: faDigits, formatSize: formatSize, safeContentUrl: safeContentUrl,
    csrf: csrf, api: api, errorFrom: errorFrom, showError: showError, labels: labels, labelOf: labelOf,
    noteAddress: noteAddress, isLoginPage: isLoginPage,
    NETWORK_ERROR: NETWORK_ERROR, onSessionExpired: null
  };
  window.ParvandehKit = kit;
})();
