// Shared by the bulk-intake pages (cohort list, card batches): DOM helpers, JSON calls with the CSRF header,
// Persian numbers and the status line. Everything is rendered with textContent only.
(function () {
  'use strict';
  var fa = new Intl.NumberFormat('fa-IR', {useGrouping: false});

  function $(id) { return document.getElementById(id); }
  function cell(row, value, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    if (value instanceof Node) { td.appendChild(value); } else { td.textContent = value == null ? '' : String(value); }
    row.appendChild(td);
    return td;
  }
  function bdi(value) { var b = document.createElement('bdi'); b.textContent = value || ''; return b; }
  function badge(cls, text) { var s = document.createElement('span'); s.className = cls; s.textContent = text; return s; }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function say(text, kind) { var m = $('message'); m.hidden = false; m.className = 'alert alert-' + kind; m.textContent = text; }
  function answer(res) { return res.json().then(function (body) { if (!res.ok) { throw body; } return body; }); }
  function failed(err) { say((err && err.messageFa) || 'درخواست انجام نشد.', 'error'); }
  function headers(json) {
    var h = {'Accept': 'application/json'};
    if (json) { h['Content-Type'] = 'application/json'; }
    h[window.ParvandehCsrf.header] = window.ParvandehCsrf.token();
    return h;
  }
  function getJson(url) {
    return fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}}).then(answer);
  }
  function postJson(url, body) {
    return fetch(url, {method: 'POST', credentials: 'same-origin', headers: headers(true), body: JSON.stringify(body)})
      .then(answer);
  }
  function upload(url, file) {
    var data = new FormData();
    data.append('file', file);
    return fetch(url, {method: 'POST', body: data, credentials: 'same-origin', headers: headers(false)}).then(answer);
  }

  document.querySelector('#logout-form input[name=_csrf]').value = window.ParvandehCsrf.token();
  window.IntakePage = {$: $, cell: cell, bdi: bdi, badge: badge, clear: clear, say: say, failed: failed,
    getJson: getJson, postJson: postJson, upload: upload, fa: function (n) { return fa.format(n); }};
})();
