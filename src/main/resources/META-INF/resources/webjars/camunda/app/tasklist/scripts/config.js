/* Parvandeh: Tasklist's configuration (replaces the webjar's scripts/config.js); see ../../parvandeh/config.js. */
import {persianConfig} from '../../parvandeh/config.js';

export default persianConfig('کارتابل', {
  // The forms' shared kit and student header (../../parvandeh/forms.js).
  customScripts: ['../parvandeh/forms'],
  // Kept from the stock configuration: Tasklist's keyboard shortcuts.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'کار انتخاب‌شده را به خودتان اختصاص می‌دهد'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'نخستین فیلتر فهرست را انتخاب می‌کند'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'نخستین کار فهرست را انتخاب می‌کند'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'نخستین فیلد ورودی فرم کار را انتخاب می‌کند'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'پنجره آغاز فرایند را باز می‌کند'
    }
  }
});
