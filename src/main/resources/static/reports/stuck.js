// The stuck-files report for managers: GET /api/reports/stuck?idleDays=N&page=P&size=S, one page at a time (the
// server cuts it; the counts are of all pages), rendered with textContent only. The CSV is the whole report.
// The reasons' names are the server's (GET /api/labels, read before the first render).
(function () {
  'use strict';
  var fa = new Intl.NumberFormat('fa-IR', {useGrouping: false});
  var dateFa = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {dateStyle: 'medium'});

  function cell(row, value, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    if (value instanceof Node) { td.appendChild(value); } else { td.textContent = value == null ? '' : String(value); }
    row.appendChild(td);
    return td;
  }
  function bdi(value) { var b = document.createElement('bdi'); b.textContent = value || ''; return b; }
  var kit = window.ParvandehKit;
  var clear = kit.clear;
  var names = {};
  var SIZE = 50;
  var page = 0;

  function render(report) {
    var counts = document.getElementById('counts');
    var files = document.getElementById('files');
    clear(counts);
    clear(files);
    report.byFacultyAndStep.forEach(function (c) {
      var tr = document.createElement('tr');
      cell(tr, c.facultyName || c.facultyCode);
      cell(tr, c.stepName);
      [c.overdue, c.incidents, c.idle, c.files].forEach(function (n) { cell(tr, fa.format(n), 'num'); });
      counts.appendChild(tr);
    });
    report.files.forEach(function (f) {
      var tr = document.createElement('tr');
      cell(tr, bdi(f.studentNumber));
      cell(tr, f.studentName);
      cell(tr, f.facultyName);
      cell(tr, f.stepName);
      var reasons = cell(tr, '');
      f.reasons.forEach(function (r) {
        var span = document.createElement('span');
        span.className = 'reason reason-' + r;
        span.textContent = kit.labelOf(names, 'stuckReason', r);
        reasons.appendChild(span);
      });
      if (f.incidentMessage) {
        var msg = document.createElement('div');
        msg.className = 'incident';
        msg.textContent = f.incidentMessage;
        reasons.appendChild(msg);
      }
      cell(tr, dateFa.format(new Date(f.since)));
      cell(tr, fa.format(f.ageDays), 'num');
      files.appendChild(tr);
    });
    var message = document.getElementById('message');
    message.className = 'alert alert-info';
    var first = report.page * report.size;
    message.textContent = report.total
      ? 'موارد ' + fa.format(report.files.length ? first + 1 : 0) + ' تا ' + fa.format(first + report.files.length) +
        ' از ' + fa.format(report.total) + ' (پیشرفت‌نکرده: بیش از ' + fa.format(report.idleDays) + ' روز).'
      : 'پرونده معطلی نیست.';
    var pages = Math.max(1, Math.ceil(report.total / report.size));
    document.getElementById('page-of').textContent =
      'صفحه ' + fa.format(report.page + 1) + ' از ' + fa.format(pages);
    document.getElementById('previous').disabled = report.page <= 0;
    document.getElementById('next').disabled = first + report.files.length >= report.total;
    document.getElementById('idle-days').value = report.idleDays;
    document.getElementById('csv').href = '/api/reports/stuck.csv?idleDays=' + report.idleDays;
  }

  function load() {
    var days = document.getElementById('idle-days').value;
    kit.api('GET', '/api/reports/stuck?page=' + page + '&size=' + SIZE +
        (days ? '&idleDays=' + encodeURIComponent(days) : ''))
      .then(render, function (err) {
        var message = document.getElementById('message');
        message.className = 'alert alert-error';
        message.textContent = (err && err.messageFa) || 'دریافت گزارش ممکن نشد.';
      });
  }

  document.getElementById('controls').addEventListener('submit', function (e) { e.preventDefault(); page = 0; load(); });
  document.getElementById('previous').addEventListener('click', function () { page = Math.max(0, page - 1); load(); });
  document.getElementById('next').addEventListener('click', function () { page += 1; load(); });
  // Without the names (the labels could not be had) a reason shows as its code.
  kit.labels().then(function (all) { names = all; }, function () {}).then(load);
})();
