// The fixity report for managers: GET /api/preservation/audits (backlog, runs, findings on read),
// GET /api/preservation/audits/{id} (one run's findings), POST to start a run. Rendered with textContent only.
// The names of finding kinds, copies and run statuses are the server's (GET /api/labels, read before the first render).
(function () {
  'use strict';
  var fa = new Intl.NumberFormat('fa-IR', {useGrouping: false});
  var when = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {dateStyle: 'medium', timeStyle: 'short'});
  var shown = null;

  function cell(row, value, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    if (value instanceof Node) { td.appendChild(value); } else { td.textContent = value == null ? '' : String(value); }
    row.appendChild(td);
    return td;
  }
  function bdi(value) { var b = document.createElement('bdi'); b.textContent = value || ''; return b; }
  var kit = window.ParvandehKit;
  var clear = kit.clear, api = kit.api;
  var names = {};
  function label(group, code) { return kit.labelOf(names, group, code); }
  function date(iso) { return iso ? when.format(new Date(iso)) : ''; }
  function say(text, kind) {
    var message = document.getElementById('message');
    message.className = 'alert alert-' + (kind || 'info');
    message.textContent = text;
  }
  function failed(err) { say((err && err.messageFa) || 'دریافت گزارش ممکن نشد.', 'error'); }

  function renderFindings(title, list) {
    document.getElementById('findings-title').textContent = title;
    var body = document.getElementById('findings');
    clear(body);
    list.forEach(function (f) {
      var tr = document.createElement('tr');
      var kind = document.createElement('span');
      kind.className = 'kind kind-' + f.kind;
      kind.textContent = label('fixityFinding', f.kind);
      cell(tr, kind);
      cell(tr, label('fixityCopy', f.copy));
      cell(tr, bdi(f.studentNumber));
      cell(tr, f.documentId == null ? '' : fa.format(f.documentId), 'num');
      if (f.kind === 'UNTRACKED') { cell(tr, 'گزارش شد'); }
      else if (f.repaired) { cell(tr, 'از نسخه سالم بازسازی شد', 'repaired'); }
      else { cell(tr, 'بازسازی نشد', 'lost'); }
      cell(tr, date(f.foundAt));
      cell(tr, bdi(f.sha256 ? f.sha256.substring(0, 16) + '…' : ''), 'sha');
      body.appendChild(tr);
    });
  }

  function showRun(id) {
    shown = id;
    api('GET', '/api/preservation/audits/' + id).then(function (detail) {
      var run = detail.run;
      renderFindings('یافته‌های پایش شماره ' + fa.format(id), detail.findings);
      if (run.status === 'RUNNING') {
        say('پایش شماره ' + fa.format(id) + ' در حال اجراست: ' + fa.format(run.blobsChecked) + ' فایل بررسی شد.');
        setTimeout(function () { if (shown === id) { load(); } }, 3000);
      } else {
        say('پایش شماره ' + fa.format(id) + ' ' + label('fixityRunStatus', run.status) + ': '
          + fa.format(run.findings) + ' یافته، ' + fa.format(run.repairs) + ' بازسازی.',
          run.status === 'FAILED' ? 'error' : (run.findings ? 'warning' : 'success'));
      }
    }, failed);
  }

  function render(overview) {
    var b = overview.backlog;
    var backlog = document.getElementById('backlog');
    clear(backlog);
    var tr = document.createElement('tr');
    cell(tr, b.replicaEnabled ? 'فعال' : 'غیرفعال (فقط یک نسخه نگهداری می‌شود)');
    cell(tr, fa.format(b.items), 'num');
    cell(tr, b.oldestEnqueuedAt ? date(b.oldestEnqueuedAt) : '—');
    backlog.appendChild(tr);

    var runs = document.getElementById('runs');
    clear(runs);
    overview.runs.forEach(function (r) {
      var row = document.createElement('tr');
      cell(row, fa.format(r.id), 'num');
      cell(row, r.studentNumber ? bdi(r.studentNumber) : 'کل بایگانی');
      cell(row, bdi(r.startedBy));
      cell(row, date(r.startedAt));
      cell(row, label('fixityRunStatus', r.status));
      [r.blobsChecked, r.findings, r.repairs].forEach(function (n) { cell(row, fa.format(n), 'num'); });
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-secondary btn-small';
      button.textContent = 'یافته‌ها';
      button.addEventListener('click', function () { showRun(r.id); });
      cell(row, button);
      runs.appendChild(row);
    });
    if (shown != null) { showRun(shown); return; }
    var lost = overview.readFindings.filter(function (f) { return !f.repaired; }).length;
    say(lost ? fa.format(lost) + ' مورد هنگام خواندن بدون نسخه سالم یافت شد؛ پایین‌تر ببینید.'
      : 'آخرین وضعیت بایگانی دریافت شد.', lost ? 'warning' : 'info');
    renderFindings('یافته‌های هنگام خواندن (دریافت، پیش‌نمایش، برون‌بری)', overview.readFindings);
  }

  function load() { api('GET', '/api/preservation/audits').then(render, failed); }

  document.getElementById('controls').addEventListener('submit', function (e) {
    e.preventDefault();
    var number = document.getElementById('student-number').value.trim();
    api('POST', '/api/preservation/audits' + (number ? '?studentNumber=' + encodeURIComponent(number) : ''))
      .then(function (run) { shown = run.id; load(); }, failed);
  });
  // Without the names (the labels could not be had) a code shows as itself.
  kit.labels().then(function (all) { names = all; }, function () {}).then(load);
})();
