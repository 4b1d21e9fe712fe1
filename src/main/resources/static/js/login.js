// Sign-in page: shows the message matching ?error / ?wait=<seconds> / ?logout / ?expired and
// copies the CSRF token from the PARVANDEH-XSRF cookie into the form at submit time.
(function () {
  'use strict';

  function showMessage(kind, text) {
    var box = document.getElementById('login-message');
    box.textContent = '';
    var p = document.createElement('p');
    p.className = 'alert alert-' + kind;
    p.textContent = text;
    box.appendChild(p);
  }

  // How long to wait, in Persian digits: whole minutes from a minute on, else seconds.
  function waitText(seconds) {
    var fa = function (n) { return Number(n).toLocaleString('fa-IR', { useGrouping: false }); };
    return seconds >= 60 ? fa(Math.ceil(seconds / 60)) + ' دقیقه' : fa(seconds) + ' ثانیه';
  }

  var params = new URLSearchParams(window.location.search);
  var wait = parseInt(params.get('wait'), 10);
  if (wait > 0) {
    showMessage('warning', 'به دلیل چند ورود ناموفق، ورود از این دستگاه موقتاً بسته شده است؛ لطفاً '
      + waitText(wait) + ' دیگر دوباره تلاش کنید.');
  } else if (params.has('error')) {
    showMessage('error', 'نام کاربری یا گذرواژه نادرست است');
  } else if (params.has('expired')) {
    showMessage('warning', 'نشست شما به پایان رسید. لطفاً دوباره وارد شوید.');
  } else if (params.has('logout')) {
    showMessage('success', 'از سامانه خارج شدید');
  }

  var form = document.getElementById('login-form');
  var user = document.getElementById('username');
  var pass = document.getElementById('password');
  var csrf = document.getElementById('csrf-field');
  var formError = document.getElementById('form-error');
  var submit = document.getElementById('login-submit');
  var toggle = document.getElementById('toggle-password');

  toggle.addEventListener('click', function () {
    var show = pass.type === 'password';
    pass.type = show ? 'text' : 'password';
    toggle.textContent = show ? 'پنهان' : 'نمایش';
    toggle.setAttribute('aria-pressed', String(show));
  });

  function fail(text, field) {
    formError.textContent = text;
    formError.hidden = false;
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  }

  [user, pass].forEach(function (el) {
    el.addEventListener('input', function () {
      el.removeAttribute('aria-invalid');
      formError.hidden = true;
    });
  });

  var sending = false;
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (sending) return;
    if (!user.value.trim()) { fail('نام کاربری را وارد کنید.', user); return; }
    if (!pass.value) { fail('گذرواژه را وارد کنید.', pass); return; }

    // Persian/Arabic digits typed in the user name become Latin digits (student numbers).
    user.value = user.value.trim().replace(/[\u06F0-\u06F9]/g, function (d) {
      return String(d.charCodeAt(0) - 0x06F0);
    }).replace(/[\u0660-\u0669]/g, function (d) {
      return String(d.charCodeAt(0) - 0x0660);
    });

    sending = true;
    submit.disabled = true;
    submit.textContent = 'در حال ورود…';

    var token = window.ParvandehKit.csrf.token();
    if (token) {
      csrf.value = token;
      form.submit();
      return;
    }
    // No cookie yet (e.g. it expired while the page was open): any response
    // from the backend sets it, so ask once and try again.
    fetch('/api/me', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .catch(function () { return null; })
      .then(function () {
        var t = window.ParvandehKit.csrf.token();
        if (!t) {
          sending = false;
          submit.disabled = false;
          submit.textContent = 'ورود';
          fail('ارتباط امن با سامانه برقرار نشد. صفحه را دوباره بارگیری کنید.', null);
          return;
        }
        csrf.value = t;
        form.submit();
      });
  });
})();
