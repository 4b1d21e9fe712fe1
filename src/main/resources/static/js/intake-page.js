// Shared by the bulk-intake pages (cohort list, card batches), on the shared kit (/js/kit.js): table cells,
// Persian numbers, the status line and the server's names of outcomes (GET /api/labels; an element with
// data-label="group CODE" gets that name). Everything is rendered with textContent only.
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
  var kit = window.ParvandehKit;
  var clear = kit.clear;
  function say(text, kind) { var m = $('message'); m.hidden = false; m.className = 'alert alert-' + kind; m.textContent = text; }
  function failed(err) { say((err && err.messageFa) || 'درخواست انجام نشد.', 'error'); }
  function getJson(url) { return kit.api('GET', url); }
  function postJson(url, body) { return kit.api('POST', url, body); }
  // Resolves once the names are in (or could not be had: then a code shows as itself), never rejects.
  var names = {};
  var labels = kit.labels().then(function (all) { names = all; }, function () {}).then(function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-label]'), function (node) {
      var code = node.getAttribute('data-label').split(' ');
      node.textContent = kit.labelOf(names, code[0], code[1]);
    });
  });
  function label(group, code) { return kit.labelOf(names, group, code); }
  /** One group's code → name, in the server's order ({} when the names could not be had). */
  function group(name) { return names[name] || {}; }
  function upload(url, file) {
    var data = new FormData();
    data.append('file', file);
    return kit.api('POST', url, data);
  }

  window.IntakePage = {$: $, cell: cell, bdi: bdi, badge: badge, clear: clear, say: say, failed: failed,
    getJson: getJson, postJson: postJson, upload: upload, labels: labels, label: label, names: group,
    fa: function (n) { return fa.format(n); },
    // A number kept as text (a student number), in Persian digits; not grouped by thousands.
    faDigits: function (text) {
      return text == null ? '' : String(text).replace(/[0-9]/g, function (d) { return '۰۱۲۳۴۵۶۷۸۹'[d]; });
    }};
})();
