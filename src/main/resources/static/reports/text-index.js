// The text index's progress on the archive report page: GET /api/documents/text-index (managers and the central
// records office; for others the panel stays hidden). Refreshed while versions wait for their text, so the
// backfill of older documents is seen moving. Rendered with textContent only.
(function () {
  'use strict';
  var REFRESH_MS = 5000;
  var fa = new Intl.NumberFormat('fa-IR', {useGrouping: false});
  var when = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {dateStyle: 'medium', timeStyle: 'short'});

  function cell(row, count, text) {
    var td = document.createElement('td');
    td.className = 'num';
    if (count != null) { td.setAttribute('data-count', String(count)); }
    td.textContent = text != null ? text : fa.format(count);
    row.appendChild(td);
  }

  function render(progress) {
    // versions not yet queued (found by the next backfill round) wait as much as the queued ones
    var pending = progress.pending + progress.unqueued;
    var body = document.getElementById('text-index');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var tr = document.createElement('tr');
    cell(tr, progress.indexed);
    cell(tr, pending);
    cell(tr, progress.failed);
    cell(tr, null, progress.oldestPendingSince ? when.format(new Date(progress.oldestPendingSince)) : '—');
    body.appendChild(tr);
    var state = document.getElementById('text-index-state');
    state.textContent = (pending > 0
      ? 'متن ' + fa.format(pending) + ' نسخه هنوز استخراج نشده است؛ این بخش هر ' + fa.format(REFRESH_MS / 1000)
        + ' ثانیه تازه می‌شود.'
      : 'متن همه مدارک نمایه شده است.')
      + (progress.failed > 0 ? ' ' + fa.format(progress.failed)
        + ' نسخه ناموفق بود؛ واحد بایگانی ستاد می‌تواند دوباره تلاش کند.' : '');
    document.getElementById('text-index-panel').hidden = false;
    if (pending > 0) { setTimeout(load, REFRESH_MS); }
  }

  function load() {
    window.ParvandehKit.api('GET', '/api/documents/text-index')
      .then(function (overview) { if (overview) { render(overview.progress); } }, function () {});
  }

  load();
})();
