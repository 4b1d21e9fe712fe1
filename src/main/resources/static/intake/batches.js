// Card batches for central admission: uploads a ZIP (POST /api/intake/batches), shows its progress and every
// entry, and works the unmatched queue (assign to a student and type, or discard with a reason). The outcomes'
// names, the batch document types' (the document type catalogue's) and the decisions' are the server's
// (IntakePage.label).
(function () {
  'use strict';
  var P = window.IntakePage, $ = P.$, cell = P.cell, bdi = P.bdi;

  function render(batch, withEntries) {
    $('progress-panel').hidden = false;
    $('title').textContent = 'دسته «' + batch.fileName + '»';
    $('bar').max = batch.entryCount || 1;
    $('bar').value = batch.done;
    $('progress-text').textContent = batch.status === 'REFUSED' ? batch.reasonFa
      : P.fa(batch.done) + ' از ' + P.fa(batch.entryCount) + ' فایل'
        + ' – ' + P.label('batchStatus', batch.status) + (batch.status === 'DONE' ? '.' : '…');
    ['attached', 'duplicate', 'unmatched', 'refused', 'ignored'].forEach(function (k) { $(k).textContent = P.fa(batch[k]); });
    $('csv').href = '/api/intake/batches/' + batch.id + '/report.csv';
    if (withEntries) {
      var body = $('entries');
      P.clear(body);
      batch.entries.forEach(function (e) {
        var tr = document.createElement('tr');
        cell(tr, P.fa(e.entryNo), 'num');
        cell(tr, bdi(e.name));
        cell(tr, P.badge('outcome outcome-' + e.outcome, P.label('entryOutcome', e.outcome)));
        cell(tr, bdi(e.studentNumber));
        cell(tr, P.label('batchDocumentType', e.typeCode));
        cell(tr, e.resolution ? P.label('entryResolution', e.resolution) + ' به دست ' + e.resolvedBy
          + (e.resolutionReason ? ': ' + e.resolutionReason : '') : e.reasonFa);
        body.appendChild(tr);
      });
    }
    if (batch.status === 'QUEUED' || batch.status === 'RUNNING') {
      setTimeout(function () { poll(batch.id, false); }, 1000);
    } else if (!withEntries) {
      poll(batch.id, true);
      loadQueue();
    }
  }

  function poll(id, withEntries) {
    P.getJson('/api/intake/batches/' + encodeURIComponent(id) + '?rows=' + withEntries)
      .then(function (b) { render(b, withEntries); }, P.failed);
  }

  function input(name, placeholder) {
    var i = document.createElement('input');
    i.name = name;
    i.placeholder = placeholder;
    i.required = true;
    return i;
  }

  function decide(url, body, done) {
    P.postJson(url, body).then(function () { P.say('ثبت شد.', 'success'); done(); }, P.failed);
  }

  function loadQueue() {
    P.getJson('/api/intake/unmatched').then(function (entries) {
      var body = $('queue');
      P.clear(body);
      entries.forEach(function (e) {
        var tr = document.createElement('tr');
        cell(tr, P.fa(e.entryNo));
        cell(tr, bdi(e.name));
        cell(tr, e.reasonFa);
        var assign = document.createElement('form');
        var number = input('studentNumber', 'شماره دانشجویی');
        number.value = e.studentNumber || '';
        var type = document.createElement('select');
        var types = P.names('batchDocumentType');
        Object.keys(types).forEach(function (code) { type.add(new Option(types[code], code, false, code === e.typeCode)); });
        var go = document.createElement('button');
        go.className = 'btn btn-primary btn-small';
        go.textContent = 'پیوست';
        [number, type, go].forEach(function (n) { assign.appendChild(n); });
        assign.addEventListener('submit', function (ev) {
          ev.preventDefault();
          decide('/api/intake/unmatched/' + e.id + '/assign', {studentNumber: number.value, typeCode: type.value}, loadQueue);
        });
        cell(tr, assign);
        var discard = document.createElement('form');
        var reason = input('reason', 'دلیل');
        var drop = document.createElement('button');
        drop.className = 'btn btn-secondary btn-small';
        drop.textContent = 'کنار گذاشتن';
        [reason, drop].forEach(function (n) { discard.appendChild(n); });
        discard.addEventListener('submit', function (ev) {
          ev.preventDefault();
          decide('/api/intake/unmatched/' + e.id + '/discard', {reason: reason.value}, loadQueue);
        });
        cell(tr, discard);
        body.appendChild(tr);
      });
      if (!entries.length) {
        var tr = document.createElement('tr');
        cell(tr, 'صف خالی است؛ فایل بی‌صاحبی نمانده است.').colSpan = 5;
        body.appendChild(tr);
      }
    }, P.failed);
  }

  $('upload-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    Promise.all([P.upload('/api/intake/batches', $('file').files[0]), P.labels]).then(function (answers) {
      var batch = answers[0];
      P.say(batch.status === 'REFUSED' ? 'این بایگانی رد شد و چیزی از آن ذخیره نشد.'
        : 'بایگانی دریافت شد و در پس‌زمینه انجام می‌شود.', batch.status === 'REFUSED' ? 'error' : 'info');
      history.replaceState(null, '', '?id=' + batch.id);
      render(batch, true);
    }, P.failed);
  });

  var id = new URLSearchParams(location.search).get('id');
  if (id) { P.labels.then(function () { poll(id, true); }); }
  P.labels.then(loadQueue);
})();
