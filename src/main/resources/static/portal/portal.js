// Parvandeh student portal: the student's own file, the checklist of required
// documents, uploads and "send for review". Plain JS, no framework, no build step.
// Every text that comes from the server is inserted as a text node, never as HTML.
(function () {
  'use strict';

  // ---------------------------------------------------------------- settings
  // The shared kit (/js/kit.js). The size and type limits and the statuses' names are the server's
  // (GET /api/labels, read before the first render), not copies; the server checks every upload again.
  var kit = window.ParvandehKit;
  var fa = kit.faDigits, formatSize = kit.formatSize, h = kit.el, clear = kit.clear, errorFrom = kit.errorFrom;
  var api = kit.api, NETWORK_ERROR = kit.NETWORK_ERROR;
  var MAX_FILE_BYTES = 0;                     // parvandeh.documents.max-file-size
  var MAX_REQUEST_BYTES = 0;                  // spring.servlet.multipart.max-request-size
  var ALLOWED_EXT = [];
  var ACCEPT = '';

  // How each status looks; its name comes from the server (documentStatus), NONE is the portal's own.
  var STATUS = {
    NONE:      { label: 'بارگذاری نشده', cls: 'none' },
    SUBMITTED: { cls: 'pending' },
    ACCEPTED:  { cls: 'ok' },
    REJECTED:  { cls: 'rejected' },
    RECORDED:  { cls: 'ok' }
  };
  function useLabels(labels) {
    Object.keys(labels.documentStatus).forEach(function (code) {
      STATUS[code] = STATUS[code] || { cls: 'pending' };
      STATUS[code].label = labels.documentStatus[code];
    });
    MAX_FILE_BYTES = labels.uploads.maxFileSizeBytes;
    MAX_REQUEST_BYTES = labels.uploads.maxRequestBytes;
    ALLOWED_EXT = labels.uploads.extensions;
    ACCEPT = ALLOWED_EXT.map(function (e) { return '.' + e; }).concat(labels.uploads.mediaTypes).join(',');
    $('max-file-size').textContent = formatSize(MAX_FILE_BYTES);
  }
  var REVIEW_STAGE = {
    facultyReview: { label: 'بررسی دانشکده', who: 'کارشناس دانشکده' },
    centralReview: { label: 'بررسی ستاد',    who: 'کارشناس ستاد' }
  };

  // ---------------------------------------------------------------- state
  var state = {
    me: null,
    file: null,
    selections: {},   // typeCode -> File (chosen, not yet uploaded)
    previews: {},     // typeCode -> object URL of a chosen image
    busy: false
  };

  // ---------------------------------------------------------------- helpers
  // Bidi-isolates user text (e.g. a Latin file name) inside a Persian sentence.
  function iso(text) { return '\u2068' + text + '\u2069'; }

  function $(id) { return document.getElementById(id); }

  function svgIcon(kind) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 40 48');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'file-icon file-icon-' + kind);
    var page = document.createElementNS(ns, 'path');
    page.setAttribute('d', 'M4 2h22l10 10v32a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z');
    page.setAttribute('class', 'page');
    var fold = document.createElementNS(ns, 'path');
    fold.setAttribute('d', 'M26 2v10h10');
    fold.setAttribute('class', 'fold');
    var band = document.createElementNS(ns, 'rect');
    band.setAttribute('x', '0'); band.setAttribute('y', '26');
    band.setAttribute('width', '32'); band.setAttribute('height', '13'); band.setAttribute('rx', '2');
    band.setAttribute('class', 'band');
    var label = document.createElementNS(ns, 'text');
    label.setAttribute('x', '16'); label.setAttribute('y', '36');
    label.setAttribute('text-anchor', 'middle');
    label.setAttribute('class', 'label');
    label.textContent = kind === 'pdf' ? 'PDF' : 'IMG';
    svg.appendChild(page); svg.appendChild(fold); svg.appendChild(band); svg.appendChild(label);
    return svg;
  }

  function isImage(mediaType) { return mediaType === 'image/jpeg' || mediaType === 'image/png'; }
  function extOf(name) {
    var i = name.lastIndexOf('.');
    return i < 0 ? '' : name.substring(i + 1).toLowerCase();
  }

  // ---------------------------------------------------------------- messages
  function flash(kind, title, en) {
    var box = $('flash');
    clear(box);
    var alert = h('div', { className: 'alert alert-' + kind, role: kind === 'error' ? 'alert' : 'status', tabindex: '-1' },
      h('p', { className: 'alert-title' }, title),
      en ? h('p', { className: 'alert-en en', lang: 'en', dir: 'ltr' }, en) : null,
      h('button', { type: 'button', className: 'alert-close', 'aria-label': 'بستن پیام', onclick: function () { clear(box); } }, '×'));
    box.appendChild(alert);
    alert.focus({ preventScroll: true });
    box.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }
  function clearFlash() { clear($('flash')); }

  function showError(err) {
    flash('error', err.messageFa || NETWORK_ERROR.messageFa, err.messageEn);
  }

  function sessionExpired() {
    state.busy = true;               // stop further clicks while leaving
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.location.assign('/login?expired');
  }
  // ---------------------------------------------------------------- API
  // multipart upload with progress (fetch has no upload progress)
  function uploadFiles(studentNumber, pairs, onProgress) {
    return new Promise(function (resolve, reject) {
      var form = new FormData();
      pairs.forEach(function (p) {
        form.append('typeCode', p.typeCode);
        form.append('files', p.file, p.file.name);
      });
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/students/' + encodeURIComponent(studentNumber) + '/documents');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader(kit.csrf.header, kit.csrf.token());
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      });
      xhr.addEventListener('load', function () {
        if (xhr.status === 401 || kit.isLoginPage(xhr.responseURL)) { sessionExpired(); return; }
        var body = null;
        try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch (e) { body = null; }
        if (xhr.status >= 200 && xhr.status < 300) resolve(body);
        else reject(errorFrom(xhr.status, body));
      });
      xhr.addEventListener('error', function () { reject(NETWORK_ERROR); });
      xhr.addEventListener('abort', function () { reject(NETWORK_ERROR); });
      xhr.send(form);
    });
  }

  // ---------------------------------------------------------------- rendering: student
  function renderStudent(s) {
    $('student-name').textContent = s.fullName || '';
    $('student-number').textContent = fa(s.studentNumber);
    var facts = clear($('student-facts'));
    [
      ['دانشکده', s.facultyName],
      ['مقطع', s.degreeLabel],
      ['سال ورود', s.entryYear != null ? fa(s.entryYear) : ''],
      ['وضعیت تحصیلی', s.statusLabel],
      ['مرحله پرونده', s.stageLabel]
    ].forEach(function (f) {
      if (f[1] == null || f[1] === '') return;
      facts.appendChild(h('div', { className: 'fact' }, h('dt', null, f[0]), h('dd', null, f[1])));
    });
    document.title = 'پرونده الکترونیکی من — ' + (s.fullName || '');
    $('student-card').hidden = false;
  }

  function renderPhase(file) {
    var box = clear($('phase'));
    var task = file.openTask;
    var kind, title;
    if (task && task.key === 'Task_CorrectRejectedDocuments') {
      kind = 'correct';
      title = task.name || 'اصلاح مدارک رد شده';
    } else if (task) {
      kind = 'upload';
      title = task.name || 'بارگذاری مدارک پذیرش';
    } else {
      kind = 'wait';
      title = 'در این مرحله نیازی به اقدام شما نیست';
    }
    box.className = 'phase phase-' + kind;
    box.appendChild(h('div', { className: 'phase-icon', 'aria-hidden': 'true' }, kind === 'correct' ? '!' : kind === 'upload' ? '↑' : 'i'));
    var text = h('div', { className: 'phase-text' },
      h('p', { className: 'phase-kicker' }, task ? 'کار پیش روی شما' : 'وضعیت پرونده'),
      h('h2', { id: 'phase-title' }, title));
    if (file.phaseMessage) text.appendChild(h('p', { className: 'phase-message' }, file.phaseMessage));
    if (!task) text.appendChild(h('p', { className: 'phase-note' }, 'بارگذاری یا تغییر مدارک در این مرحله ممکن نیست.'));
    if (file.canRequestGraduationDocuments) {
      var ask = h('button', { type: 'button', className: 'btn btn-primary', id: 'graduation-request' },
        'درخواست صدور مدارک دانش‌آموختگی');
      ask.addEventListener('click', requestGraduationDocuments);
      text.appendChild(ask);
    }
    if (typeof file.clearanceCertificateUrl === 'string' && /^\/api\/students\/[^\/]+\/clearance-certificate$/.test(file.clearanceCertificateUrl)) {
      text.appendChild(h('p', null, h('a', { className: 'btn btn-secondary', id: 'clearance-certificate',
        href: file.clearanceCertificateUrl }, 'دریافت گواهی تسویه پرونده (امضاشده، PDF)')));
    }
    box.appendChild(text);
    box.hidden = false;
  }

  function summaryChip(cls, label, n) {
    return h('span', { className: 'chip chip-' + cls }, h('span', { className: 'chip-n' }, fa(n)), ' ' + label);
  }

  function renderSummary(studentReqs) {
    var box = clear($('summary'));
    var counts = { NONE: 0, SUBMITTED: 0, ACCEPTED: 0, REJECTED: 0 };
    studentReqs.forEach(function (r) { counts[r.document ? r.document.status : 'NONE']++; });
    var total = studentReqs.length;
    var uploaded = total - counts.NONE;
    box.appendChild(h('p', { className: 'summary-line' },
      fa(uploaded) + ' از ' + fa(total) + ' مدرک بارگذاری شده است'));
    var bar = h('div', { className: 'meter', role: 'img',
      'aria-label': fa(counts.ACCEPTED) + ' تأیید شده، ' + fa(counts.SUBMITTED) + ' در انتظار بررسی، ' + fa(counts.REJECTED) + ' رد شده، ' + fa(counts.NONE) + ' بارگذاری نشده' });
    ['ACCEPTED', 'SUBMITTED', 'REJECTED'].forEach(function (k) {
      if (!counts[k] || !total) return;
      var seg = h('span', { className: 'meter-seg meter-' + STATUS[k].cls });
      seg.style.width = (100 * counts[k] / total) + '%';
      bar.appendChild(seg);
    });
    box.appendChild(bar);
    var chips = h('div', { className: 'chips' });
    if (counts.ACCEPTED) chips.appendChild(summaryChip('ok', 'تأیید شده', counts.ACCEPTED));
    if (counts.SUBMITTED) chips.appendChild(summaryChip('pending', 'در انتظار بررسی', counts.SUBMITTED));
    if (counts.REJECTED) chips.appendChild(summaryChip('rejected', 'رد شده', counts.REJECTED));
    if (counts.NONE) chips.appendChild(summaryChip('none', 'بارگذاری نشده', counts.NONE));
    box.appendChild(chips);
  }

  function badge(status) {
    var s = STATUS[status] || STATUS.NONE;
    return h('span', { className: 'badge badge-' + s.cls }, s.label);
  }

  function rejectingReview(version) {
    if (!version) return null;
    if (version.centralReview && version.centralReview.decision === 'REJECTED') return { stage: 'centralReview', review: version.centralReview };
    if (version.facultyReview && version.facultyReview.decision === 'REJECTED') return { stage: 'facultyReview', review: version.facultyReview };
    return null;
  }

  // The name of whoever uploaded or reviewed (the server sends them with the file), never a bare login.
  function person(userId) {
    var people = (state.file && state.file.people) || {};
    return people[userId] || fa(userId);
  }

  function reviewLine(stage, review) {
    var st = REVIEW_STAGE[stage];
    var accepted = review.decision === 'ACCEPTED';
    return h('li', { className: 'review review-' + (accepted ? 'ok' : 'rejected') },
      h('span', { className: 'review-stage' }, st.label + ': '),
      h('strong', null, accepted ? 'تأیید' : 'رد'),
      review.reviewer ? [' — ', person(review.reviewer)] : null,
      review.reviewedAtJalali ? [' — ', h('span', { className: 'nowrap' }, fa(review.reviewedAtJalali))] : null,
      !accepted && review.reason ? h('span', { className: 'review-reason' }, 'دلیل: ', review.reason) : null);
  }
  function reviewList(version) {
    var items = [];
    if (version.facultyReview) items.push(reviewLine('facultyReview', version.facultyReview));
    if (version.centralReview) items.push(reviewLine('centralReview', version.centralReview));
    return items.length ? h('ul', { className: 'reviews' }, items) : null;
  }

  function fileLink(version, text) {
    return h('a', { href: version.contentUrl, target: '_blank', rel: 'noopener', className: 'file-link' },
      text, h('span', { className: 'visually-hidden' }, ' (در زبانه جدید باز می‌شود)'));
  }

  function versionMeta(version) {
    return h('p', { className: 'version-meta' },
      h('span', null, 'نسخه ' + fa(version.versionNo)),
      version.sizeBytes != null ? h('span', null, formatSize(version.sizeBytes)) : null,
      version.uploadedAtJalali ? h('span', { className: 'nowrap' }, fa(version.uploadedAtJalali)) : null,
      version.uploadedBy ? h('span', null, 'توسط ', person(version.uploadedBy)) : null);
  }

  function renderCurrent(doc) {
    var v = doc.current;
    if (!v) return null;
    var thumb;
    if (isImage(v.mediaType)) {
      var img = h('img', { src: v.contentUrl, alt: 'پیش‌نمایش ' + (doc.typeName || ''), loading: 'lazy', width: '88', height: '88' });
      img.addEventListener('error', function () { img.replaceWith(svgIcon('img')); });
      thumb = h('a', { href: v.contentUrl, target: '_blank', rel: 'noopener', className: 'thumb', tabindex: '-1', 'aria-hidden': 'true' }, img);
    } else {
      thumb = h('a', { href: v.contentUrl, target: '_blank', rel: 'noopener', className: 'thumb thumb-icon', tabindex: '-1', 'aria-hidden': 'true' }, svgIcon('pdf'));
    }
    return h('div', { className: 'current' },
      thumb,
      h('div', { className: 'current-info' },
        h('p', { className: 'current-label' }, 'فایل فعلی'),
        h('p', { className: 'current-name' }, fileLink(v, h('bdi', null, v.fileName || 'فایل'))),
        versionMeta(v),
        doc.status !== 'REJECTED' ? reviewList(v) : null));
  }

  function renderPrevious(doc) {
    var prev = (doc.previous || []).slice().sort(function (a, b) { return b.versionNo - a.versionNo; });
    if (!prev.length) return null;
    return h('details', { className: 'previous' },
      h('summary', null, 'نسخه‌های قبلی (' + fa(prev.length) + ')'),
      h('ol', { className: 'previous-list' }, prev.map(function (v) {
        return h('li', null,
          h('div', { className: 'prev-head' },
            isImage(v.mediaType) ? svgIcon('img') : svgIcon('pdf'),
            fileLink(v, h('bdi', null, v.fileName || 'فایل'))),
          versionMeta(v),
          reviewList(v));
      })));
  }

  function renderRejection(doc, canUpload) {
    var r = rejectingReview(doc.current);
    var box = h('div', { className: 'rejection', role: 'note' },
      h('p', { className: 'rejection-title' }, 'این مدرک رد شده است'));
    if (r) {
      box.appendChild(h('p', { className: 'rejection-reason' },
        h('span', { className: 'rejection-label' }, 'دلیل: '), r.review.reason || 'دلیلی ثبت نشده است.'));
      var who = [];
      if (r.review.reviewer) who.push(person(r.review.reviewer));
      box.appendChild(h('p', { className: 'rejection-who' },
        'رد شده در ' + REVIEW_STAGE[r.stage].label,
        who.length ? [' توسط ', h('strong', null, who[0]), ' (' + REVIEW_STAGE[r.stage].who + ')'] : null,
        r.review.reviewedAtJalali ? [' در ', h('span', { className: 'nowrap' }, fa(r.review.reviewedAtJalali))] : null));
    }
    if (canUpload) box.appendChild(h('p', { className: 'rejection-todo' }, 'فایل درست را انتخاب و بارگذاری کنید تا جایگزین این فایل شود.'));
    return box;
  }

  function renderPicker(req) {
    var code = req.typeCode;
    var id = 'file-' + code;
    var input = h('input', { type: 'file', id: id, className: 'file-input visually-hidden', accept: ACCEPT,
      'aria-describedby': 'help-' + code + ' sel-' + code + ' err-' + code });
    input.addEventListener('change', function () {
      var f = input.files && input.files[0];
      input.value = '';          // choosing the same file again must fire change again
      if (f) choose(code, f);
    });
    var hasDoc = !!req.document;
    return h('div', { className: 'picker' },
      h('div', { className: 'picker-row' },
        input,
        h('label', { 'for': id, className: 'btn btn-secondary btn-small picker-btn' },
          hasDoc ? 'انتخاب فایل جایگزین' : 'انتخاب فایل',
          h('span', { className: 'visually-hidden' }, ' برای ' + (req.typeName || ''))),
        h('span', { id: 'help-' + code, className: 'picker-help' }, 'PDF، JPG یا PNG — حداکثر ' + formatSize(MAX_FILE_BYTES))),
      h('div', { id: 'sel-' + code, className: 'selection' }),
      h('p', { id: 'err-' + code, className: 'picker-error', role: 'alert' }));
  }

  function canUploadFor(req, file) {
    return !!file.openTask && (!req.document || req.document.status !== 'ACCEPTED');
  }

  function renderStudentDoc(req, file) {
    var doc = req.document;
    var status = doc ? doc.status : 'NONE';
    var canUpload = canUploadFor(req, file);
    var li = h('li', { className: 'doc-card doc-' + (STATUS[status] || STATUS.NONE).cls, id: 'doc-' + req.typeCode },
      h('div', { className: 'doc-head' },
        h('h3', { className: 'doc-title' }, req.typeName || req.typeCode),
        badge(status)),
      status === 'REJECTED' ? renderRejection(doc, canUpload) : null,
      doc ? renderCurrent(doc) : h('p', { className: 'doc-empty' }, 'هنوز فایلی برای این مدرک بارگذاری نکرده‌اید.'),
      canUpload ? renderPicker(req) : null,
      doc ? renderPrevious(doc) : null);
    return li;
  }

  function renderOtherDoc(req) {
    var doc = req.document;
    return h('li', { className: 'info-row' },
      h('span', { className: 'info-icon', 'aria-hidden': 'true' }, 'i'),
      h('div', { className: 'info-text' },
        h('p', { className: 'info-title' }, req.typeName || req.typeCode),
        h('p', { className: 'info-supplier' }, req.supplierLabel || '')),
      doc ? h('div', { className: 'info-doc' },
        badge(doc.status),
        doc.current ? fileLink(doc.current, 'مشاهده') : null) : null);
  }

  function studentReqs(file) {
    return (file.requirements || []).filter(function (r) { return r.supplier === 'STUDENT'; });
  }

  function render() {
    var file = state.file;
    renderStudent(file.student || {});
    renderPhase(file);

    var mine = studentReqs(file);
    var others = (file.requirements || []).filter(function (r) { return r.supplier !== 'STUDENT'; });

    renderSummary(mine);
    var list = clear($('student-docs'));
    mine.forEach(function (r) { list.appendChild(renderStudentDoc(r, file)); });
    if (!mine.length) list.appendChild(h('li', { className: 'doc-empty' }, 'مدرکی برای بارگذاری تعریف نشده است.'));
    $('upload-help').hidden = !file.openTask;
    $('checklist').hidden = false;

    var other = clear($('other-docs'));
    others.forEach(function (r) { other.appendChild(renderOtherDoc(r)); });
    $('others').hidden = !others.length;

    // keep choices that are still allowed (after a failed upload nothing is lost)
    Object.keys(state.selections).forEach(function (code) {
      var req = mine.filter(function (r) { return r.typeCode === code; })[0];
      if (!req || !canUploadFor(req, file)) unselect(code);
      else renderSelection(code);
    });

    $('actions').hidden = !file.openTask;
    updateActions();
  }

  // ---------------------------------------------------------------- choosing files
  function validate(f) {
    var ext = extOf(f.name);
    if (ALLOWED_EXT.indexOf(ext) < 0) {
      return 'نوع فایل «' + iso(f.name) + '» پذیرفته نیست. فقط فایل PDF، JPG یا PNG انتخاب کنید.';
    }
    if (f.size === 0) return 'فایل «' + iso(f.name) + '» خالی است.';
    if (f.size > MAX_FILE_BYTES) {
      return 'حجم فایل «' + iso(f.name) + '» ' + formatSize(f.size) + ' است؛ حداکثر حجم مجاز ' + formatSize(MAX_FILE_BYTES) + ' است.';
    }
    return null;
  }

  function choose(code, f) {
    var err = $('err-' + code);
    var problem = validate(f);
    if (problem) {
      err.textContent = problem;     // text node: file names are user data
      return;
    }
    err.textContent = '';
    unselect(code);
    state.selections[code] = f;
    if (/^image\//.test(f.type) && window.URL && URL.createObjectURL) state.previews[code] = URL.createObjectURL(f);
    renderSelection(code);
    updateActions();
  }

  function unselect(code) {
    if (state.previews[code]) { URL.revokeObjectURL(state.previews[code]); delete state.previews[code]; }
    delete state.selections[code];
    var sel = $('sel-' + code);
    if (sel) clear(sel);
    var card = $('doc-' + code);
    if (card) card.classList.remove('has-selection');
  }

  function renderSelection(code) {
    var sel = $('sel-' + code);
    var f = state.selections[code];
    if (!sel) return;
    clear(sel);
    if (!f) return;
    var preview = state.previews[code]
      ? h('img', { src: state.previews[code], alt: '', className: 'sel-thumb' })
      : svgIcon(extOf(f.name) === 'pdf' ? 'pdf' : 'img');
    sel.appendChild(h('div', { className: 'selected-file' },
      preview,
      h('div', { className: 'sel-text' },
        h('p', { className: 'sel-label' }, 'آماده بارگذاری:'),
        h('p', { className: 'sel-name' }, h('bdi', null, f.name), ' — ', formatSize(f.size))),
      h('button', { type: 'button', className: 'btn-link sel-remove',
        onclick: function () {
          unselect(code);
          updateActions();
          var input = $('file-' + code);
          if (input) input.focus();
        } }, 'لغو انتخاب', h('span', { className: 'visually-hidden' }, ' ' + f.name))));
    var card = $('doc-' + code);
    if (card) card.classList.add('has-selection');
  }

  // ---------------------------------------------------------------- actions
  function selectedPairs() {
    var file = state.file;
    // keep the checklist's order so the request is predictable
    return studentReqs(file)
      .filter(function (r) { return state.selections[r.typeCode]; })
      .map(function (r) { return { typeCode: r.typeCode, typeName: r.typeName, file: state.selections[r.typeCode] }; });
  }

  function updateActions() {
    if (!state.file) return;
    var n = selectedPairs().length;
    var up = $('upload-btn');
    var sub = $('submit-btn');
    up.textContent = n ? 'بارگذاری ' + fa(n) + ' فایل' : 'بارگذاری فایل‌ها';
    up.disabled = state.busy || n === 0;
    sub.disabled = state.busy || n > 0;
    $('selection-count').textContent = n
      ? fa(n) + ' فایل انتخاب شده و هنوز بارگذاری نشده است.'
      : 'فایلی برای بارگذاری انتخاب نشده است.';
    $('submit-hint').textContent = n
      ? 'پیش از ارسال برای بررسی، فایل‌های انتخاب‌شده را بارگذاری کنید.'
      : 'وقتی همه مدارک را بارگذاری کردید، «ارسال برای بررسی» را بزنید.';
  }

  function setBusy(on) {
    state.busy = on;
    document.querySelectorAll('.picker-btn').forEach(function (l) { l.classList.toggle('is-disabled', on); });
    document.querySelectorAll('.file-input').forEach(function (i) { i.disabled = on; });
    document.querySelectorAll('.sel-remove').forEach(function (b) { b.disabled = on; });
    $('main').setAttribute('aria-busy', on ? 'true' : 'false');
    updateActions();
  }

  function doUpload() {
    var pairs = selectedPairs();
    if (!pairs.length || state.busy) return;
    var total = pairs.reduce(function (s, p) { return s + p.file.size; }, 0);
    if (total > MAX_REQUEST_BYTES) {
      flash('error', 'مجموع حجم فایل‌های انتخاب‌شده (' + formatSize(total) + ') بیش از ' + formatSize(MAX_REQUEST_BYTES) + ' است. فایل‌ها را در چند نوبت بارگذاری کنید.');
      return;
    }
    clearFlash();
    setBusy(true);
    var wrap = $('progress-wrap'), bar = $('upload-progress'), txt = $('progress-text');
    wrap.hidden = false;
    bar.value = 0;
    txt.textContent = 'در حال بارگذاری… ' + fa(0) + '٪';
    uploadFiles(state.file.student.studentNumber, pairs, function (ratio) {
      var pct = Math.min(100, Math.round(ratio * 100));
      bar.value = pct;
      txt.textContent = pct < 100 ? 'در حال بارگذاری… ' + fa(pct) + '٪' : 'در حال ثبت در پرونده…';
    }).then(function () {
      pairs.forEach(function (p) { unselect(p.typeCode); });
      return load().then(function () {
        flash('success', fa(pairs.length) + ' فایل با موفقیت بارگذاری شد.' +
          ' وقتی همه مدارک کامل شد، «ارسال برای بررسی» را بزنید.');
      });
    }, function (err) {
      showError(err);
    }).then(function () {
      wrap.hidden = true;
      setBusy(false);
    });
  }

  function missingForSubmit() {
    var out = [];
    studentReqs(state.file).forEach(function (r) {
      if (!r.document) out.push({ name: r.typeName, why: 'بارگذاری نشده' });
      else if (r.document.status === 'REJECTED') out.push({ name: r.typeName, why: 'رد شده و جایگزین نشده' });
    });
    return out;
  }

  function confirmSubmit() {
    var warnings = clear($('confirm-warnings'));
    var missing = missingForSubmit();
    if (missing.length) {
      warnings.appendChild(h('div', { className: 'alert alert-warning' },
        h('p', { className: 'alert-title' }, 'این مدارک هنوز کامل نیست:'),
        h('ul', null, missing.map(function (m) { return h('li', null, h('strong', null, m.name), ' — ' + m.why); }))));
    }
    var dlg = $('confirm-dialog');
    if (typeof dlg.showModal !== 'function') {
      return Promise.resolve(window.confirm('مدارک برای بررسی ارسال شود؟'));
    }
    return new Promise(function (resolve) {
      dlg.returnValue = '';
      dlg.addEventListener('close', function onClose() {
        dlg.removeEventListener('close', onClose);
        resolve(dlg.returnValue === 'ok');
      });
      dlg.showModal();
    });
  }

  function doSubmit() {
    if (state.busy || selectedPairs().length) return;
    confirmSubmit().then(function (ok) {
      if (!ok) { $('submit-btn').focus(); return; }
      clearFlash();
      setBusy(true);
      var btn = $('submit-btn');
      btn.textContent = 'در حال ارسال…';
      api('POST', '/api/portal/submit').then(function (res) {
        return load().then(function () {
          flash('success', (res && res.message) || 'مدارک شما برای بررسی ارسال شد.');
        });
      }, showError).then(function () {
        btn.textContent = 'ارسال برای بررسی';
        setBusy(false);
      });
    });
  }

  // The graduate asks the graduates office to issue their graduation documents (recorded on the file).
  function requestGraduationDocuments(e) {
    var btn = e.currentTarget;
    if (!window.confirm('درخواست صدور مدارک دانش‌آموختگی برای اداره دانش‌آموختگان ارسال شود؟')) return;
    btn.disabled = true;
    api('POST', '/api/portal/graduation-request').then(function () {
      return load().then(function () {
        flash('success', 'درخواست شما ثبت شد؛ اداره دانش‌آموختگان مدارک را صادر می‌کند.');
      });
    }, function (err) { btn.disabled = false; showError(err); });
  }

  function onBeforeUnload(e) {
    if (Object.keys(state.selections).length || state.busy) {
      e.preventDefault();
      e.returnValue = '';
    }
  }

  // ---------------------------------------------------------------- start
  function load() {
    return api('GET', '/api/portal/file').then(function (file) {
      state.file = file;
      render();
    });
  }

  function start() {
    $('logout-form').addEventListener('submit', function (e) {
      e.currentTarget.elements._csrf.value = kit.csrf.token();
      window.removeEventListener('beforeunload', onBeforeUnload);
    });
    $('upload-btn').addEventListener('click', doUpload);
    $('submit-btn').addEventListener('click', doSubmit);
    window.addEventListener('beforeunload', onBeforeUnload);

    kit.onSessionExpired = sessionExpired;
    Promise.all([api('GET', '/api/me'), kit.labels()]).then(function (answers) {
      var me = answers[0];
      useLabels(answers[1]);
      state.me = me;
      $('me-name').textContent = (me && (me.displayName || me.username)) || '';
      if (me && !me.studentNumber) {
        $('loading').hidden = true;
        flash('info', 'این صفحه ویژه دانشجویان است. حساب شما به شماره دانشجویی متصل نیست.', 'This page is for students only.');
        return null;
      }
      return load().then(function () { $('loading').hidden = true; });
    }).catch(function (err) {
      $('loading').hidden = true;
      showError(err);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
