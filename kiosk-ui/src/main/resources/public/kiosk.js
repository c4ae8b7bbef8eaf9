// Physio Kiosk: small progressive enhancements. Every screen works without this file; with it the
// kiosk resets itself when left alone, offers an on-screen keyboard, and keeps "none of these" alone.
(function () {
  'use strict';

  var body = document.body;

  // A page restored from the back-forward cache may show the previous patient's answers: reload it,
  // so the server (which has forgotten them) decides what to show.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });

  // ---- A tap belongs to the screen the patient saw. ----
  // A second tap of a double tap (shaky hands: 80 to 400 ms apart) would land on the screen that has
  // just loaded and answer its question unseen. Taps in the first moments of a screen, and while the next
  // screen is on its way, are ignored, and a form sends once. (The server also refuses an answer for a screen
  // no longer shown.) Patient screens only: staff pages are used with a mouse at a desk.
  var SETTLE_MS = body.classList.contains('patient') ? 700 : 0;
  var shownAt = 0;
  var loading = false;
  var leaving = false;
  var settleTimer = 0;
  function settle() {
    shownAt = Date.now();
    body.dataset.ready = SETTLE_MS > 0 ? 'no' : 'yes';
    window.clearTimeout(settleTimer);
    settleTimer = window.setTimeout(function () { body.dataset.ready = 'yes'; }, SETTLE_MS);
  }
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    settle();
  });
  function tooSoon() {
    return loading || leaving || Date.now() - shownAt < SETTLE_MS;
  }
  ['click', 'pointerup', 'touchend'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target && event.target.closest ? event.target.closest('button, a, input, label') : null;
      if (target && tooSoon() && !target.closest('.idle-dialog')) {
        event.preventDefault();
        event.stopPropagation();
      }
    }, { capture: true });
  });
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (tooSoon() || form.dataset.sent === 'yes') {
      // Stopped here, before htmx (listening on the form) sees it.
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    form.dataset.sent = 'yes';
  }, { capture: true });

  function resetKiosk() {
    var form = document.getElementById('reset-form');
    if (form) {
      form.submit();
    } else {
      window.location.replace('/');
    }
  }

  // ---- The next screen without a new page (htmx, boosted on the patient's screens). ----
  // The screen's HTML comes as a whole page and its body's content is swapped in: no blank page between
  // screens, no new document to build. The page's own language and text size (on <html> and <body>) come with
  // it. A response that is not a patient's screen is loaded as a page of its own; and if the kiosk cannot be
  // reached or does not answer in time, the screen is loaded again as a page, so that the browser says so.
  function loadAsPage(address) {
    leaving = true;
    body.dataset.ready = 'no';
    window.location.replace(address);
  }
  document.addEventListener('htmx:beforeRequest', function () {
    loading = true;
    body.dataset.ready = 'no';
  });
  document.addEventListener('htmx:afterRequest', function () {
    loading = false;
  });
  document.addEventListener('htmx:beforeSwap', function (event) {
    var html = event.detail.xhr.responseText || '';
    var root = /<html\b([^>]*)>/.exec(html);
    var start = /<body\b([^>]*)>/.exec(html);
    if (!root || !start || !/\sclass="patient\b/.test(start[1])) {
      event.detail.shouldSwap = false;
      // What a GET (or a redirect) answered can be asked for again as a page; a POST's own answer cannot: then
      // the screen on show is asked for again, and the kiosk decides where the patient is.
      var info = event.detail.requestConfig || {};
      var asked = event.detail.xhr.responseURL;
      var redirected = asked && info.path && asked.indexOf(info.path) < 0;
      loadAsPage(asked && (info.verb === 'get' || redirected) ? asked : window.location.href);
      return;
    }
    // The two start tags alone, parsed by the browser (entities and all), give their attributes.
    var tags = new DOMParser().parseFromString('<html' + root[1] + '><body' + start[1] + '></body></html>', 'text/html');
    copyAttributes(tags.documentElement, document.documentElement, []);
    copyAttributes(tags.body, body, ['data-ready']);
  });
  function copyAttributes(from, to, keep) {
    Array.prototype.slice.call(to.attributes).forEach(function (a) {
      if (!from.hasAttribute(a.name) && keep.indexOf(a.name) < 0) {
        to.removeAttribute(a.name);
      }
    });
    Array.prototype.forEach.call(from.attributes, function (a) {
      if (to.getAttribute(a.name) !== a.value) {
        to.setAttribute(a.name, a.value);
      }
    });
  }
  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target !== body) {
      return;
    }
    screen();
    // As after a page load, the keyboard starts from the top; a screen reader reads the new screen's heading.
    var heading = document.querySelector('#main h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  });
  ['htmx:sendError', 'htmx:timeout'].forEach(function (type) {
    document.addEventListener(type, function () {
      loadAsPage(window.location.href);
    });
  });

  // ---- Idle: after a while a countdown offers "I am still here", then everything resets. ----
  // Any touch or key is activity; the countdown itself is not.
  var lastActivity = Date.now();
  ['pointerdown', 'keydown', 'touchstart', 'input', 'scroll'].forEach(function (type) {
    document.addEventListener(type, function () {
      var dialog = document.getElementById('idle-dialog');
      if (!dialog || dialog.hidden) {
        lastActivity = Date.now();
      }
    }, { passive: true, capture: true });
  });
  var timers = [];

  function idle(main) {
    var idleSeconds = parseInt(main.dataset.idleSeconds || '0', 10);
    var returnSeconds = parseInt(main.dataset.returnSeconds || '0', 10);
    var dialog = document.getElementById('idle-dialog');
    lastActivity = Date.now();
    if (returnSeconds > 0) {
      // The result screen goes back to the welcome screen by itself.
      var note = document.getElementById('return-note');
      var left = returnSeconds;
      var showLeft = function () {
        if (note && note.dataset.template) {
          note.textContent = note.dataset.template.replace('{0}', String(left));
        }
      };
      showLeft();
      timers.push(window.setInterval(function () {
        left -= 1;
        if (left <= 0) {
          resetKiosk();
        } else if (left % 5 === 0 || left <= 10) {
          showLeft();
        }
      }, 1000));
    } else if (idleSeconds > 0 && dialog) {
      var warnAfter = Math.max(1, idleSeconds - Math.min(20, Math.floor(idleSeconds / 3)));
      var count = document.getElementById('idle-count');
      var stay = document.getElementById('idle-stay');
      stay.addEventListener('click', function () {
        dialog.hidden = true;
        lastActivity = Date.now();
      });
      timers.push(window.setInterval(function () {
        var idleFor = (Date.now() - lastActivity) / 1000;
        if (idleFor >= idleSeconds) {
          resetKiosk();
        } else if (idleFor >= warnAfter) {
          if (dialog.hidden) {
            dialog.hidden = false;
            stay.focus();
          }
          count.textContent = String(Math.ceil(idleSeconds - idleFor));
        }
      }, 250));
    }
  }

  // What each screen sets up, at its page load or when it is swapped in.
  function screen() {
    timers.forEach(window.clearInterval);
    timers = [];
    settle();
    var main = document.getElementById('main');
    if (main) {
      idle(main);
    }
    document.querySelectorAll('[data-body-map]').forEach(bodyMap);
    document.querySelectorAll('input[data-keyboard]').forEach(attachKeyboard);
  }

  // ---- "None of these" stands alone. ----
  document.addEventListener('change', function (event) {
    var box = event.target;
    if (!box.matches || !box.matches('input[type=checkbox][name=answer]') || !box.checked) {
      return;
    }
    var exclusive = box.dataset.exclusive === 'true';
    box.form.querySelectorAll('input[type=checkbox][name=answer]').forEach(function (other) {
      if (other !== box && (exclusive || other.dataset.exclusive === 'true')) {
        other.checked = false;
      }
    });
  });

  // ---- The pain drawing: tap a region to mark it, tap again to unmark. ----
  // The check boxes of the list are the answer; a tap on a region toggles its box, and every copy of the region
  // (the whole body and the enlarged parts) is shaded from the boxes. Without this script the list still works.
  function bodyMap(map) {
    var boxes = {};
    map.querySelectorAll('input[type=checkbox][name=answer]').forEach(function (box) {
      boxes[box.value] = box;
    });
    var list = map.querySelector('.marked-list');
    // What is marked, named in the map's order (as the server names it), not the list's.
    function shade() {
      var marked = [];
      map.querySelectorAll('[data-region]').forEach(function (region) {
        var box = boxes[region.getAttribute('data-region')];
        region.classList.toggle('marked', !!(box && box.checked));
      });
      map.querySelectorAll('input[type=checkbox][name=answer]').forEach(function (box) {
        if (box.checked) {
          marked.push(box);
        }
      });
      marked.sort(function (a, b) { return Number(a.dataset.order) - Number(b.dataset.order); });
      var names = marked.map(function (box) {
        return box.closest('label').querySelector('.tile-label').textContent.trim();
      });
      list.textContent = names.length === 0 ? list.dataset.none
        : list.dataset.some.replace('{0}', String(names.length)) + ' ' + names.join('; ');
    }
    // A shaky double tap (two taps within 400 ms on one region) marks it once, not on and off again.
    var lastRegion = null;
    var lastTap = 0;
    map.addEventListener('click', function (event) {
      var region = event.target.closest ? event.target.closest('[data-region]') : null;
      if (!region || tooSoon()) {
        return;
      }
      var id = region.getAttribute('data-region');
      var now = Date.now();
      if (id === lastRegion && now - lastTap < 400) {
        return;
      }
      lastRegion = id;
      lastTap = now;
      var box = boxes[id];
      if (box) {
        box.checked = !box.checked;
        shade();
      }
    });
    map.addEventListener('change', shade);
    var bar = map.querySelector('.zoom-bar');
    bar.hidden = false;
    bar.addEventListener('click', function (event) {
      var button = event.target.closest('[data-zoom]');
      if (!button) {
        return;
      }
      var zoom = button.getAttribute('data-zoom');
      bar.querySelectorAll('[data-zoom]').forEach(function (b) {
        b.setAttribute('aria-pressed', b === button ? 'true' : 'false');
      });
      map.querySelectorAll('[data-zoom-view]').forEach(function (view) {
        view.hidden = view.getAttribute('data-zoom-view') !== zoom;
      });
    });
    shade();
  }

  // ---- On-screen keyboard: the kiosk has no physical one. ----
  var LETTERS = [
    ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
    ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', 'Ñ'],
    ['Z', 'X', 'C', 'V', 'B', 'N', 'M', '-', '\''],
    ['Á', 'É', 'Í', 'Ó', 'Ú', 'Ü', 'Ç']
  ];

  function key(label, onPress, extraClass, ariaLabel) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'key' + (extraClass ? ' ' + extraClass : '');
    b.textContent = label;
    if (ariaLabel) {
      b.setAttribute('aria-label', ariaLabel);
    }
    // pointerdown keeps the focus (and caret) in the field.
    b.addEventListener('mousedown', function (e) { e.preventDefault(); });
    b.addEventListener('click', onPress);
    return b;
  }

  function changed(input) {
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function insert(input, text) {
    var max = parseInt(input.getAttribute('maxlength') || '0', 10);
    if (max > 0 && input.value.length >= max) {
      return;
    }
    input.value += text;
    changed(input);
  }

  // The number keypad: digits in the familiar 3 x 4 grid, Clear and Delete beside the 0, no letters.
  // No more digits than the largest allowed answer has: the kiosk's own message explains a number out of range.
  function attachKeypad(input) {
    var pad = document.createElement('div');
    pad.className = 'keypad';
    pad.setAttribute('role', 'group');
    pad.setAttribute('aria-label', body.dataset.kbKeypad || 'Keypad');
    var maxDigits = String(input.getAttribute('max') || '999999').length;
    var digit = function (d) {
      return key(d, function () {
        var next = (input.value + d).replace(/^0+(?=\d)/, '');
        if (next.length <= maxDigits) {
          input.value = next;
          changed(input);
        }
      });
    };
    ['1', '2', '3', '4', '5', '6', '7', '8', '9'].forEach(function (d) { pad.appendChild(digit(d)); });
    pad.appendChild(key(body.dataset.kbClear || 'C', function () {
      input.value = '';
      changed(input);
    }, 'word'));
    pad.appendChild(digit('0'));
    pad.appendChild(key('⌫', function () {
      input.value = input.value.slice(0, -1);
      changed(input);
    }, 'wide', body.dataset.kbDelete));
    input.setAttribute('inputmode', 'none');
    input.insertAdjacentElement('afterend', pad);
  }

  function attachKeyboard(input) {
    if (input.dataset.keyboard === 'number') {
      attachKeypad(input);
      return;
    }
    var pad = document.createElement('div');
    pad.className = 'keyboard';
    pad.setAttribute('role', 'group');
    pad.setAttribute('aria-label', body.dataset.kbLabel || 'Keyboard');
    var shift = true; // names start with a capital
    var letterKeys = [];
    var refreshCase = function () {
      letterKeys.forEach(function (k) {
        k.textContent = shift ? k.dataset.char.toUpperCase() : k.dataset.char.toLowerCase();
      });
    };
    LETTERS.forEach(function (row) {
      var r = document.createElement('div');
      r.className = 'key-row';
      row.forEach(function (ch) {
        var k = key(ch, function () {
          insert(input, shift ? ch.toUpperCase() : ch.toLowerCase());
          if (shift && /\p{L}/u.test(ch)) {
            shift = false;
            refreshCase();
          }
        });
        k.dataset.char = ch;
        letterKeys.push(k);
        r.appendChild(k);
      });
      pad.appendChild(r);
    });
    var last = document.createElement('div');
    last.className = 'key-row';
    last.appendChild(key('⇧', function () { shift = !shift; refreshCase(); }, 'wide', body.dataset.kbShift));
    last.appendChild(key(body.dataset.kbSpace || ' ', function () {
      insert(input, ' ');
      shift = true;
      refreshCase();
    }, 'space'));
    last.appendChild(key('⌫', function () {
      input.value = input.value.slice(0, -1);
      changed(input);
      if (input.value === '' || input.value.slice(-1) === ' ') {
        shift = true;
        refreshCase();
      }
    }, 'wide', body.dataset.kbDelete));
    pad.appendChild(last);
    refreshCase();
    // No system keyboard on top of ours.
    input.setAttribute('inputmode', 'none');
    input.insertAdjacentElement('afterend', pad);
  }

  screen();
})();
