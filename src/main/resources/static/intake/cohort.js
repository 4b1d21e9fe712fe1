// Cohort import page for central admission: uploads the list (POST /api/intake/cohorts), then shows its progress
// from GET /api/intake/cohorts/{id} until it is done. Rendered with textContent only; ?id=N reopens an import.
// The outcomes' names are the server's (IntakePage.label).
(function () {
  'use strict';
  var P = window.IntakePage, $ = P.$, cell = P.cell, bdi = P.bdi;
  var fa = {format: P.fa};

  var polls = 0;

  function render(imp, withRows) {
    $('progress-panel').hidden = false;
    $('title').textContent = 'فهرست «' + imp.fileName + '»';
    $('bar').max = imp.total;
    $('bar').value = imp.done;
    $('progress-text').textContent = fa.format(imp.done) + ' از ' + fa.format(imp.total) + ' ردیف'
      + ' – ' + P.label('importStatus', imp.status) + (imp.status === 'DONE' ? '.' : '…');
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
    P.clear(body);
    // Rejected rows first: they are what a clerk must fix.
    var rows = all.filter(function (r) { return r.outcome; }).sort(function (a, b) {
      return (a.outcome === 'REJECTED' ? 0 : 1) - (b.outcome === 'REJECTED' ? 0 : 1) || a.row - b.row;
    });
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      cell(tr, fa.format(r.row), 'num');
      cell(tr, bdi(P.faDigits(r.studentNumber)));
      cell(tr, P.badge('outcome outcome-' + r.outcome, P.label('rowOutcome', r.outcome)));
      cell(tr, (r.field || '').split(',').filter(Boolean).map(function (f) {
        return P.label('cohortColumn', f);
      }).join('، '));
      cell(tr, r.reasonFa);
      body.appendChild(tr);
    });
  }

  function poll(id, withRows) {
    P.getJson('/api/intake/cohorts/' + encodeURIComponent(id) + '?rows=' + (withRows ? 'true' : 'false'))
      .then(function (imp) { render(imp, withRows); }, P.failed);
  }

  $('upload-form').addEventListener('submit', function (e) {
    e.preventDefault();
    Promise.all([P.upload('/api/intake/cohorts', $('file').files[0]), P.labels]).then(function (answers) {
      var imp = answers[0];
      P.say('فهرست دریافت شد و در پس‌زمینه انجام می‌شود؛ می‌توانید این صفحه را ببندید و بعد با همین نشانی برگردید.', 'info');
      history.replaceState(null, '', '?id=' + imp.id);
      render(imp, true);
    }, P.failed);
  });

  var id = new URLSearchParams(location.search).get('id');
  if (id) { P.labels.then(function () { poll(id, true); }); }
})();
