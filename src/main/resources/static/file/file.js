/* The file page: view a student's file and run the four operations on it (plain JS, text-only DOM). */
(function () {
  'use strict';

  // The shared kit (/js/kit.js); the names of codes are the server's (GET /api/labels), and what this user may do
  // comes with who they are (GET /api/me, capabilities). The server checks every action again.
  var kit = window.ParvandehKit;
  var el = kit.el, clear = kit.clear, api = kit.api, safeUrl = kit.safeContentUrl;
  kit.onSessionExpired = function () { location.href = '/login'; };
  var me = api('GET', '/api/me').catch(function () { return {groups: [], capabilities: {}}; });
  var labels = kit.labels().catch(function () { return {}; });
  var names = {};
  labels.then(function (all) { names = all; });
  var file = null;

  function $(id) { return document.getElementById(id); }
  function fa(s) { return s === null || s === undefined ? '—' : kit.faDigits(s); }

  function flash(kind, err) {
    var box = $('flash');
    clear(box);
    var alert = el('div', {className: 'alert msg alert-' + kind, role: kind === "error" ? 'alert' : 'status'},
      err.messageFa || String(err));
    if (err.messageEn) { alert.appendChild(el('small', {text: err.messageEn})); }
    box.appendChild(alert);
    window.scrollTo(0, 0);
  }
  function failed(err) { flash("error", err); }
  function done(message) { return function () { flash('success', {messageFa: message}); return load(); }; }

  // ---- search ---------------------------------------------------------------
  $('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var q = $('q').value.trim();
    if (!q) { return; }
    api('GET', '/api/students?q=' + encodeURIComponent(q)).then(function (found) {
      var list = $('result-list');
      clear(list);
      found.forEach(function (s) {
        list.appendChild(el('li', null, el('a', {href: '/file/?n=' + encodeURIComponent(s.studentNumber)},
          el('bdi', {text: fa(s.studentNumber)}), ' — ', s.fullName, ' (', s.facultyName, ')')));
      });
      if (!found.length) { list.appendChild(el('li', {text: 'دانشجویی پیدا نشد.'})); }
      $('results').hidden = false;
    }).catch(failed);
  });

  $('doc-search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var q = $('dq').value.trim();
    if (!q) { return; }
    api('GET', '/api/documents/search?q=' + encodeURIComponent(q)).then(function (hits) {
      var list = $('doc-results');
      clear(list);
      hits.forEach(function (h) {
        list.appendChild(el('li', null, el('a', {href: '/file/?n=' + encodeURIComponent(h.studentNumber)},
          el('bdi', {text: fa(h.studentNumber)}), ' — ', h.studentName), ': ', h.document.typeName,
          h.document.description ? ' — ' + h.document.description : '',
          h.document.letterNumber ? ' (نامه ' + fa(h.document.letterNumber) + ')' : '',
          h.document.deleted ? el('span', {className: 'badge deleted', text: 'حذف‌شده برای اصلاح'}) : '',
          h.text ? passage(h.text) : ''));
      });
      if (!hits.length) { list.appendChild(el('li', {text: 'مدرکی پیدا نشد.'})); }
    }).catch(failed);
  });

  /** The matched passage inside the document: its page, its own letters, the matches marked. */
  function passage(t) {
    var p = el('p', {className: 'passage'}, el('small', {text: 'صفحه ' + fa(String(t.page)) + ': '}));
    var at = 0;
    t.highlights.forEach(function (m) {
      p.appendChild(document.createTextNode(t.text.substring(at, m.start)));
      p.appendChild(el('mark', {text: t.text.substring(m.start, m.end)}));
      at = m.end;
    });
    p.appendChild(document.createTextNode(t.text.substring(at)));
    return p;
  }

  // ---- the file ---------------------------------------------------------------
  function number() { return new URLSearchParams(location.search).get('n'); }

  function load() {
    var n = number();
    if (!n) { return Promise.resolve(); }
    return Promise.all([api('GET', '/api/students/' + encodeURIComponent(n) + '/file'), labels])
      .then(function (answers) { render(answers[0]); }).catch(failed);
  }

  function render(f) {
    file = f;
    document.title = 'پرونده ' + f.student.fullName;
    $('student-name').textContent = f.student.fullName;
    var facts = $('student-facts');
    clear(facts);
    [['شماره دانشجویی', fa(f.student.studentNumber)], ['کد ملی', fa(f.student.nationalId)],
      ['نام پدر', f.student.fatherName], ['دانشکده', f.student.facultyName], ['مقطع', f.student.degreeLabel],
      ['رشته', f.student.program], ['سال ورود', f.student.entryYearFa], ['نوع پذیرش', f.student.admissionChannel],
      ['وضعیت', f.student.statusLabel], ['مرحله پرونده', f.student.stageLabel]].filter(function (p) {
      return p[1];
    }).forEach(function (p) {
      facts.appendChild(el('div', null, el('dt', {text: p[0]}), el('dd', null, el('bdi', {text: p[1]}))));
    });
    var actions = $('file-actions');
    clear(actions);
    $('register-panel').hidden = !f.canChange;
    // The faculty clerk declares the end of study while the file is in its study years.
    $('study-end-panel').hidden = !f.canChange || f.student.stage !== 'DURING_STUDY' || f.student.status !== 'ACTIVE';
    if (f.canChange) {
      var editBtn = el('button', {className: 'btn btn-secondary btn-small', type: 'button'}, 'اصلاح اطلاعات پرونده');
      editBtn.addEventListener('click', function () { studentEditor(); });
      actions.appendChild(editBtn);
    }
    if (safeUrl(f.clearanceCertificateUrl)) {
      actions.appendChild(el('a', {className: 'btn btn-secondary btn-small', id: 'clearance-certificate',
        href: safeUrl(f.clearanceCertificateUrl), title: 'گواهی تسویه پرونده با امضای دیجیتال اداره (PDF)'},
        'گواهی تسویه پرونده'));
    }
    actions.appendChild(el('a', {className: 'btn btn-quiet btn-small', href: '/signatures/verify.html'},
      'وارسی امضا'));
    me.then(function (user) {
      if (user.capabilities && user.capabilities.exportFiles) {
        actions.appendChild(el('a', {className: 'btn btn-secondary btn-small', id: 'export-file',
          href: '/api/students/' + encodeURIComponent(f.student.studentNumber) + '/export',
          title: 'همه مدارک با همه نسخه‌ها، یادداشت‌ها و سابقه رویدادها در یک بسته BagIt (ZIP)'},
          'خروجی پرونده (BagIt)'));
      }
    });
    renderStages(f);
    renderNotes(f.notes, f.noteAuthors || {});
    renderTimeline(f.timeline);
    renderHistory(f.history);
    $('file').hidden = false;
  }

  function studentEditor() {
    var form = $('edit-student');
    clear(form);
    var fields = {firstName: 'نام', lastName: 'نام خانوادگی', nationalId: 'کد ملی'};
    Object.keys(fields).forEach(function (k) {
      form.appendChild(el('label', null, fields[k], el('input', {type: 'text', name: k, value: file.info[k]})));
    });
    var degree = el('select', {name: 'degree'});
    var degrees = names.degree || {};
    Object.keys(degrees).forEach(function (d) {
      var o = el('option', {value: d, text: degrees[d]});
      if (d === file.info.degree) { o.selected = true; }
      degree.appendChild(o);
    });
    form.appendChild(el('label', null, 'مقطع', degree));
    form.appendChild(el('button', {className: 'btn btn-primary btn-small', type: 'submit'}, 'ذخیره'));
    form.onsubmit = function (e) {
      e.preventDefault();
      api('PUT', '/api/students/' + encodeURIComponent(file.student.studentNumber), {
        firstName: form.firstName.value, lastName: form.lastName.value, nationalId: form.nationalId.value,
        degree: form.degree.value, rowVersion: file.info.rowVersion
      }).then(function () { form.hidden = true; }).then(done('اطلاعات پرونده اصلاح شد.')).catch(failed);
    };
    form.hidden = false;
  }

  function renderStages(f) {
    var box = $('stages');
    clear(box);
    f.stages.forEach(function (stage) {
      var panel = el('section', {className: 'panel', 'data-stage': stage.stage},
        el('h2', {text: 'مدارک مرحله «' + stage.label + '»'}));
      if (!stage.documents.length) { panel.appendChild(el('p', {className: 'stage-empty', text: 'مدرکی در این مرحله نیست.'})); }
      stage.documents.forEach(function (d) { panel.appendChild(documentCard(d, f.canChange)); });
      box.appendChild(panel);
    });
  }

  function preview(d) {
    var v = d.current, box = el('div', {className: 'preview'});
    var src = v && (safeUrl(v.previewUrl) || (/^image\//.test(v.mediaType) ? safeUrl(v.contentUrl) : null));
    if (src) {
      var link = el('a', {href: safeUrl(v.contentUrl), target: '_blank', rel: 'noopener'});
      link.appendChild(el('img', {src: src, alt: 'پیش‌نمایش ' + d.typeName, loading: 'lazy'}));
      box.appendChild(link);
    } else {
      box.appendChild(el('div', {className: 'none', text: 'بدون پیش‌نمایش'}));
    }
    return box;
  }

  function documentCard(d, canChange) {
    var body = el('div', {className: 'body'},
      el('h3', null, d.typeName, el('span', {className: 'badge', text: d.statusLabel}),
        d.deleted ? el('span', {className: 'badge deleted', text: 'حذف‌شده برای اصلاح'}) : null));
    if (d.description) { body.appendChild(el('p', {text: d.description})); }
    if (d.letterNumber || d.letterDateFa) {
      body.appendChild(el('p', {className: 'meta'}, 'نامه شماره ', el('bdi', {text: fa(d.letterNumber)}), ' مورخ ',
        el('bdi', {text: d.letterDateFa || '—'})));
    }
    body.appendChild(el('p', {className: 'meta', text: 'ثبت: ' + d.createdBy + '، ' + d.createdAtJalali}));
    if (d.deleted) {
      body.appendChild(el('p', {className: 'deletion', text: 'حذف توسط ' + d.deletedBy + ' در ' + d.deletedAtJalali +
        ' — دلیل: ' + d.deletionReason}));
    }
    var versions = el('details', null, el('summary', {text: 'نسخه‌ها (' + fa(d.versions.length) + ')'}));
    var list = el('ol');
    d.versions.forEach(function (v) {
      list.appendChild(el('li', null, el('a', {href: safeUrl(v.contentUrl) || '#', target: '_blank', rel: 'noopener'},
        'نسخه ' + fa(v.versionNo) + ': ', el('bdi', {text: v.fileName})), ' — ' + v.uploadedBy + '، ' + v.uploadedAtJalali));
    });
    versions.appendChild(list);
    body.appendChild(versions);
    if (canChange) { body.appendChild(documentActions(d)); }
    return el('article', {className: 'doc' + (d.deleted ? ' deleted' : ''), 'data-document': String(d.id)}, preview(d), body);
  }

  function documentActions(d) {
    var wrap = el('div');
    var bar = el('div', {className: 'actions'});
    var editor = el('form', {className: 'editor', hidden: 'hidden'});
    function button(label, open) {
      var b = el('button', {className: 'btn btn-secondary btn-small', type: 'button'}, label);
      b.addEventListener('click', function () { clear(editor); open(); editor.hidden = false; });
      bar.appendChild(b);
    }
    function submit(label) { editor.appendChild(el('button', {className: 'btn btn-primary btn-small', type: 'submit'}, label)); }
    var url = '/api/documents/' + d.id;
    button('اصلاح اطلاعات', function () {
      editor.appendChild(el('label', {className: 'wide'}, 'شرح', el('textarea', {name: 'description'})));
      editor.description.value = d.description || '';
      editor.appendChild(el('label', null, 'شماره نامه', el('input', {type: 'text', name: 'letterNumber', value: d.letterNumber || ''})));
      editor.appendChild(el('label', null, 'تاریخ نامه', el('input', {type: 'text', name: 'letterDate', value: d.letterDateFa || ''})));
      submit('ذخیره');
      editor.onsubmit = function (e) {
        e.preventDefault();
        api('PUT', url, {description: editor.description.value, letterNumber: editor.letterNumber.value,
          letterDate: editor.letterDate.value, rowVersion: d.rowVersion}).then(done('اطلاعات مدرک اصلاح شد.')).catch(failed);
      };
    });
    button('نسخه جدید', function () {
      editor.appendChild(el('label', null, 'فایل جدید', el('input', {type: 'file', name: 'file', accept: '.pdf,.jpg,.jpeg,.png'})));
      submit('بارگذاری');
      editor.onsubmit = function (e) {
        e.preventDefault();
        var data = new FormData();
        data.append('rowVersion', d.rowVersion);
        if (editor.file.files[0]) { data.append('file', editor.file.files[0]); }
        api('POST', url + '/versions', data).then(done('نسخه جدید مدرک ذخیره شد.')).catch(failed);
      };
    });
    if (d.deleted) {
      button('بازگرداندن', function () {
        submit('بازگرداندن این مدرک');
        editor.onsubmit = function (e) {
          e.preventDefault();
          api('POST', url + '/restoration', {rowVersion: d.rowVersion}).then(done('مدرک بازگردانده شد.')).catch(failed);
        };
      });
    } else {
      button('حذف برای اصلاح', function () {
        editor.appendChild(el('label', {className: 'wide'}, 'دلیل حذف (الزامی)', el('textarea', {name: 'reason'})));
        submit('حذف');
        editor.onsubmit = function (e) {
          e.preventDefault();
          api('POST', url + '/deletion', {reason: editor.reason.value, rowVersion: d.rowVersion})
            .then(done('مدرک برای اصلاح حذف شد؛ بایگانی آن محفوظ است و بازگرداندنی است.')).catch(failed);
        };
      });
    }
    wrap.appendChild(bar);
    wrap.appendChild(editor);
    return wrap;
  }

  function renderNotes(notes, authors) {
    var list = $('notes');
    clear(list);
    notes.forEach(function (n) {
      // The author by name; the login only as the name's tooltip.
      var item = el('li', null, el('strong', {text: n.kindLabel + ' (' + fa(n.golestanScreen) + ')'}),
        ' — ', el('span', {className: 'note-author', title: n.author, text: authors[n.author] || fa(n.author)}),
        '، ' + n.createdAtJalali, el('div', {text: n.body}));
      if (n.addresses.length) {
        item.appendChild(el('ul', {className: 'addresses'}, n.addresses.map(kit.noteAddress)));
      }
      list.appendChild(item);
    });
    // Not a numbered item: the list's first "note" would read «۱. یادداشتی ثبت نشده است.»
    if (!notes.length) { list.appendChild(el('li', {text: 'یادداشتی ثبت نشده است.', className: 'empty'})); }
  }

  function renderTimeline(steps) {
    var body = $('timeline');
    clear(body);
    steps.forEach(function (s) {
      body.appendChild(el('tr', {className: s.open ? 'open-step' : ''}, el('td', {text: fa(s.processName)}),
        el('td', {text: fa(s.activityName)}), el('td', {text: fa(s.startedAtJalali)}),
        el('td', {text: s.open ? s.stateLabel : (s.canceled ? 'لغوشده ' : '') + fa(s.endedAtJalali)}),
        el('td', {text: s.assigneeName || (s.assignee ? fa(s.assignee) : '—'), title: s.assignee || ''})));
    });
  }

  function renderHistory(entries) {
    var body = $('history');
    clear(body);
    entries.slice().reverse().forEach(function (e) {
      body.appendChild(el('tr', null, el('td', {text: fa(e.occurredAtJalali)}),
        el('td', null, el('bdi', {text: e.actorName || fa(e.actor)})),
        el('td', {text: kit.labelOf(names, 'auditAction', e.action)}),
        el('td', {className: 'details', title: e.details || ''}, e.sentence || '')));
    });
  }

  // ---- declaring the end of study --------------------------------------------------
  $('study-end-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var reason = e.target.elements.reason.value;
    if (!reason) { return; }
    api('POST', '/api/students/' + encodeURIComponent(file.student.studentNumber) + '/study-end', {reason: reason})
      .then(function (answer) { e.target.reset(); return answer; })
      .then(function (answer) { return done(answer && answer.message ? answer.message : 'پایان تحصیل ثبت شد.')(); })
      .catch(failed);
  });

  // ---- registering a study document -------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll('input[name="source"]'), function (r) {
    r.addEventListener('change', function () {
      var office = document.querySelector('input[name="source"]:checked').value === 'OFFICE_AUTOMATION';
      $('office-form').hidden = !office;
      $('counter-form').hidden = office;
    });
  });
  api('GET', '/api/document-types/study').then(function (types) {
    types.forEach(function (t) { $('study-types').appendChild(el('option', {value: t.code, text: t.nameFa})); });
  }).catch(function () { /* the form reports it on use */ });

  $('office-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var data = new FormData(e.target);
    api('POST', '/api/students/' + encodeURIComponent(file.student.studentNumber) + '/study-documents/office-letters', data)
      .then(function () { e.target.reset(); })
      .then(done('نامه در پرونده ذخیره شد؛ یادداشت نشانی آن (۱۷۰۳۰) در فرایند ثبت می‌شود.')).catch(failed);
  });
  $('counter-form').addEventListener('submit', function (e) {
    e.preventDefault();
    api('POST', '/api/students/' + encodeURIComponent(file.student.studentNumber) + '/study-documents/service-counter',
      {requestNumber: e.target.requestNumber.value, documentType: e.target.documentType.value})
      .then(function () { e.target.reset(); })
      .then(done('نشانی مدرک پیشخوان خدمت ثبت شد؛ یادداشت (۱۰۷۳۰) در فرایند ثبت می‌شود.')).catch(failed);
  });

  load();
}());
