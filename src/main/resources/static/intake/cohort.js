// Cohort import page for central admission: uploads the list (POST /api/intake/cohorts), then shows its progress
// from GET /api/intake/cohorts/{id} until it is done. Rendered with textContent only; ?id=N reopens an import.
(function () {
  'use strict';
  var OUTCOMES = {ACCEPTED: 'پذیرفته', UPDATED: 'به‌روزشده', UNCHANGED: 'بدون تغییر', REJECTED: 'ردشده'};
  var fa = new Intl.NumberFormat('fa-IR', {useGrouping: false});

  function $(id) { return document.getElementById(id); }
  function cell(row, value, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    if (value instanceof Node) { td.appendChild(value); } else { td.textContent = value == null ? '' : String(value); }
    row.appendChild(td);
  }
  function bdi(value) { var b = document.createElement('bdi'); b.textContent = value || ''; return b; }
  function say(text, kind) { var m = $('message'); m.hidden = false; m.className = 'alert alert-' + kind; m.textContent = text; }

  var polls = 0;

  function render(imp, withRows) {
    $('progress-panel').hidden = false;
    $('title').textContent = 'فهرست «' + imp.fileName + '»';
    $('bar').max = imp.total;
    $('bar').value = imp.done;
    $('progress-text').textContent = fa.format(imp.done) + ' از ' + fa.format(imp.total) + ' ردیف'
      + (imp.status === 'DONE' ? ' – پایان یافت.' : ' – در حال انجام…');
    ['accepted', 'updated', 'unchanged', 'rejected'].forEach(function (k) { $(k).textContent = fa.format(imp[k]); });
    $('csv').href = '/api/intake/cohorts/' + imp.id + '/report.csv';
    if (withRows) { renderRows(imp.rows); }
    if (imp.status !== 'DONE') {
      // While it runs, poll the counts only and the rows every fifth time: a list may have thousands.
      polls++;
      setTimeout(function () { poll(imp.id, polls % 5 === 0); }, 1000);
    } else if (!withRows) {
      poll(imp.id, true);
    }
  }

  function renderRows(all) {
    var body = $('rows');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    // Rejected rows first: they are what a clerk must fix.
    var rows = all.filter(function (r) { return r.outcome; }).sort(function (a, b) {
      return (a.outcome === 'REJECTED' ? 0 : 1) - (b.outcome === 'REJECTED' ? 0 : 1) || a.row - b.row;
    });
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      cell(tr, fa.format(r.row), 'num');
      cell(tr, bdi(r.studentNumber));
      var badge = document.createElement('span');
      badge.className = 'outcome outcome-' + r.outcome;
      badge.textContent = OUTCOMES[r.outcome] || r.outcome;
      cell(tr, badge);
      cell(tr, bdi(r.field));
      cell(tr, r.reasonFa);
      body.appendChild(tr);
    });
  }

  function answer(res) {
    return res.json().then(function (body) { if (!res.ok) { throw body; } return body; });
  }
  function failed(err) { say((err && err.messageFa) || 'درخواست انجام نشد.', 'error'); }

  function poll(id, withRows) {
    fetch('/api/intake/cohorts/' + encodeURIComponent(id) + '?rows=' + (withRows ? 'true' : 'false'),
      {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(answer).then(function (imp) { render(imp, withRows); }, failed);
  }

  $('upload-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var data = new FormData();
    data.append('file', $('file').files[0]);
    var headers = {'Accept': 'application/json'};
    headers[window.ParvandehCsrf.header] = window.ParvandehCsrf.token();
    fetch('/api/intake/cohorts', {method: 'POST', body: data, credentials: 'same-origin', headers: headers})
      .then(answer).then(function (imp) {
        say('فهرست دریافت شد و در پس‌زمینه انجام می‌شود؛ می‌توانید این صفحه را ببندید و بعد با همین نشانی برگردید.', 'info');
        history.replaceState(null, '', '?id=' + imp.id);
        render(imp, true);
      }, failed);
  });

  document.querySelector('#logout-form input[name=_csrf]').value = window.ParvandehCsrf.token();
  var id = new URLSearchParams(location.search).get('id');
  if (id) { poll(id, true); }
})();
