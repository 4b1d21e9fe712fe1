/*
 * Parvandeh: the student header every Tasklist form opens with, so a clerk always sees whose file a task is.
 * Tasklist loads this once at start, after kit.js (see webjars/camunda/app/parvandeh/forms.js); the forms call
 *   ParvandehTaskStudent.mount(box, taskId)      - fetches GET /api/tasks/{taskId}/student and shows it
 *   ParvandehTaskStudent.render(box, student, extra) - shows a student they already have ([label, value] extras)
 * Text only (textContent), never HTML: names come from users.
 * The file starts with a byte-order mark: Tasklist's page does not say its encoding, and the BOM makes every
 * browser read this script as UTF-8 whatever the page's or the response's charset.
 */
(function () {
  'use strict';
  if (window.ParvandehTaskStudent) { return; }
  var kit = window.ParvandehKit;

  var STYLE_ID = 'pv-task-student-style';
  var CSS = '.pv-student { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(180px, 100%), 1fr));'
    + ' gap: 4px 16px; background: #f7f7f7; border: 1px solid #ddd; border-radius: 4px; padding: 10px 14px;'
    + ' margin-bottom: 14px; direction: rtl; text-align: right; }'
    + ' .pv-student > div > span:first-child { color: #666; margin-left: 6px; }'
    + ' .pv-student bdi { unicode-bidi: isolate; overflow-wrap: anywhere; }'
    + ' .pv-student-error { background: #fdecea; border: 1px solid #f1b5ae; color: #8a1f14; border-radius: 4px;'
    + ' padding: 8px 12px; margin-bottom: 14px; }';

  function ensureStyle() {
    if (document.getElementById(STYLE_ID)) { return; }
    var style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    document.head.appendChild(style);
  }

  function line(label, value) {
    return kit.el('div', null, kit.el('span', {text: label + ':'}),
      kit.el('bdi', {text: value === null || value === undefined || value === '' ? '—' : String(value)}));
  }

  function render(box, s, extra) {
    ensureStyle();
    kit.clear(box);
    box.className = 'pv-student';
    box.setAttribute('data-student-number', s.studentNumber || '');
    box.appendChild(line('شماره دانشجویی', kit.faDigits(s.studentNumber || '')));
    box.appendChild(line('نام و نام خانوادگی', s.fullName));
    box.appendChild(line('دانشکده', s.facultyName));
    box.appendChild(line('مقطع', s.degreeLabel));
    box.appendChild(line('سال ورود', s.entryYearFa || (s.entryYear ? kit.faDigits(s.entryYear) : '')));
    if (s.statusLabel) { box.appendChild(line('وضعیت', s.statusLabel)); }
    if (s.stageLabel) { box.appendChild(line('مرحله پرونده', s.stageLabel)); }
    (extra || []).forEach(function (pair) { box.appendChild(line(pair[0], pair[1])); });
    box.hidden = false;
  }

  function mount(box, taskId) {
    return kit.api('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/student')
      .then(function (student) { render(box, student); return student; })
      .catch(function (err) {
        ensureStyle();
        box.className = 'pv-student-error';
        box.textContent = err.messageFa;
        box.hidden = false;
      });
  }

  window.ParvandehTaskStudent = {render: render, mount: mount};
})();
