// Report 112 (notes about the student): filters, result table with document links, CSV/PDF downloads.
// Plain JS; every server text is inserted as a text node, never as HTML.
(function () {
  'use strict';

  var API = '/api/reports/notes';
  var form = document.getElementById('filters');
  var result = document.getElementById('result');
  var flash = document.getElementById('flash');
  var summary = document.getElementById('summary');
  var kit = window.ParvandehKit;
  var fa = kit.faDigits, h = kit.el;

  function query(format) {
    var params = new URLSearchParams();
    ['studentNumber', 'faculty', 'from', 'to'].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    if (format) params.set('format', format);
    return params.toString();
  }

  function showError(body) {
    flash.textContent = '';
    flash.appendChild(h('div', { className: 'alert alert-error', role: 'alert' },
      h('p', null, (body && body.messageFa) || 'گزارش آماده نشد؛ دوباره تلاش کنید.')));
  }

  function render(report) {
    result.textContent = '';
    var notes = report.students.reduce(function (n, s) { return n + s.notes.length; }, 0);
    summary.hidden = false;
    summary.textContent = 'تاریخ تهیه: ' + report.generatedAtJalali + ' – ' + fa(report.students.length)
      + ' دانشجو، ' + fa(notes) + ' یادداشت';
    if (!report.students.length) {
      result.appendChild(h('p', { className: 'empty' }, 'یادداشتی با این شرایط پیدا نشد.'));
      return;
    }
    report.students.forEach(function (entry) {
      var s = entry.student;
      var tbody = h('tbody');
      entry.notes.forEach(function (n) {
        var list = h('ul', { className: 'addresses' });
        n.addresses.forEach(function (a) { list.appendChild(kit.noteAddress(a)); });
        tbody.appendChild(h('tr', null,
          h('td', { className: 'when' }, n.createdAtJalali),
          h('td', null, n.kindLabel, h('br'), 'گلستان ' + fa(n.golestanScreen)),
          h('td', null, h('bdi', { title: n.author }, n.authorName || n.author)),
          h('td', { className: 'body' }, n.body),
          h('td', null, n.addresses.length ? list : '—')));
      });
      result.appendChild(h('section', { className: 'student' },
        h('div', { className: 'student-head' },
          h('h2', null, s.fullName + ' – شماره دانشجویی ' + fa(s.studentNumber)),
          h('p', null, s.facultyName + ' | مقطع ' + s.degreeLabel + ' | ورودی ' + fa(s.entryYear)
            + ' | وضعیت: ' + s.statusLabel + ' | مرحله پرونده: ' + s.stageLabel)),
        h('table', null,
          h('thead', null, h('tr', null, h('th', null, 'زمان ثبت'), h('th', null, 'نوع یادداشت'),
            h('th', null, 'نویسنده'), h('th', null, 'متن'), h('th', null, 'نشانی مدارک'))),
          tbody)));
    });
  }

  function load(event) {
    if (event) event.preventDefault();
    flash.textContent = '';
    kit.api('GET', API + '?' + query()).then(render, showError);
  }

  // Fetches the file itself, so a refusal shows as a message (not a broken download) and is exported once.
  function download(format) {
    flash.textContent = '';
    fetch(API + '?' + query(format), { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) return response.json().catch(function () { return null; }).then(showError);
        var disposition = response.headers.get('Content-Disposition') || '';
        var match = /filename="?([^";]+)"?/.exec(disposition);
        return response.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          var link = h('a', { href: url, download: match ? match[1] : 'report-112.' + format });
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        });
      })
      .catch(function () { showError(null); });
  }

  kit.api('GET', API + '/faculties').catch(function () { return []; })
    .then(function (faculties) {
      var select = form.elements.faculty;
      faculties.forEach(function (f) { select.appendChild(h('option', { value: f.code }, f.name)); });
      // Filters may come in the address, e.g. from the graduation-clearance form: /reports/notes.html?studentNumber=…
      var initial = new URLSearchParams(window.location.search);
      ['studentNumber', 'faculty', 'from', 'to'].forEach(function (name) {
        if (initial.get(name)) form.elements[name].value = initial.get(name);
      });
      if (['studentNumber', 'faculty', 'from', 'to'].some(function (n) { return initial.get(n); })) load();
    });

  form.addEventListener('submit', load);
  document.getElementById('csv-btn').addEventListener('click', function () { download('csv'); });
  document.getElementById('pdf-btn').addEventListener('click', function () { download('pdf'); });
})();
