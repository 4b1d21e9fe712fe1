/* The signature verification page: sends the chosen file to the API and shows the answer (text-only DOM). */
(function () {
  'use strict';

  function $(id) { return document.getElementById(id); }
  var kit = window.ParvandehKit;
  var fa = kit.faDigits, clear = kit.clear;
  kit.onSessionExpired = function () { location.href = '/login'; };
  function el(tag, className, text) { return kit.el(tag, {className: className}, text); }
  function yesNo(b) { return b ? 'بله' : 'خیر'; }

  function message(kind, fa, en) {
    var box = clear($('message'));
    var alert = el('div', 'alert alert-' + kind, fa);
    alert.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    alert.id = 'verdict';
    if (en) { alert.appendChild(el('small', null, ' ' + en)); }
    box.appendChild(alert);
  }

  function fact(dl, label, value) {
    dl.appendChild(el('dt', null, label));
    var dd = el('dd');
    dd.appendChild(el('bdi', null, value));
    dl.appendChild(dd);
  }

  function render(v) {
    message(v.valid ? (v.signedByThisOffice ? 'success' : 'info') : 'error', v.messageFa, v.messageEn);
    var items = clear($('items'));
    v.items.forEach(function (item) {
      var panel = el('section', 'panel');
      panel.appendChild(el('h2', null, item.name));
      var dl = el('dl', 'facts');
      fact(dl, 'امضا معتبر است', item.signed ? yesNo(item.signatureValid) : 'امضا ندارد');
      fact(dl, 'امضاکننده (گواهی)', item.signer || '—');
      fact(dl, 'با کلید همین اداره', yesNo(item.signedByThisOffice));
      fact(dl, 'زمان امضا', item.signedAtJalali || '—');
      fact(dl, 'پس از امضا بدون تغییر', yesNo(item.unchanged));
      panel.appendChild(dl);
      if (item.changes && item.changes.length) {
        var list = el('ul', 'changes');
        item.changes.forEach(function (c) { list.appendChild(el('li', null, c)); });
        panel.appendChild(list);
      }
      items.appendChild(panel);
    });
  }

  $('verify-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var chosen = $('file').files[0];
    if (!chosen) { message('error', 'فایلی انتخاب نشده است.', 'No file chosen.'); return; }
    var body = new FormData();
    body.append('file', chosen);
    message('info', 'در حال وارسی…');
    kit.api('POST', '/api/signatures/verifications', body).then(render, function (err) {
      clear($('items'));
      message('error', err.messageFa, err.messageEn);
    });
  });
})();
