// Physio Kiosk staff pages: the urgent alert on every page a staff member has open, sound alerts that
// stay on for this browser once chosen, the live check-in list, and print on opening the print view.
// Every page works without this file (reload by hand, print with the browser's menu).
(function () {
  'use strict';

  // The print button opens the summary at .../print: print it at once.
  if (document.body.dataset.autoprint === 'yes') {
    window.addEventListener('load', function () { window.print(); });
    return;
  }
  if (document.body.dataset.signedIn !== 'yes' || !window.EventSource) {
    return;
  }

  // ---- Sound: the choice is this browser's (localStorage), kept across pages and restarts ----------
  var SOUND_KEY = 'physio-kiosk.sound-alerts';
  var toggle = document.getElementById('sound-toggle');
  var blocked = document.getElementById('sound-blocked');
  var audio = null;

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null; // storage switched off in this browser: the choice lasts for this page only
    }
  }
  function store(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (e) {
      // as above
    }
  }
  var soundWanted = stored(SOUND_KEY) === 'on';

  // A browser lets a page play sound only after someone used the site: when it holds the sound back,
  // a note says so and the next click or key anywhere lets it play.
  function showSound() {
    toggle.hidden = false;
    toggle.setAttribute('aria-pressed', soundWanted ? 'true' : 'false');
    toggle.textContent = soundWanted ? toggle.dataset.on : toggle.dataset.off;
    blocked.hidden = !(soundWanted && audio && audio.state !== 'running');
    document.body.dataset.sound = !soundWanted ? 'off' : audio && audio.state === 'running' ? 'on' : 'waiting';
  }
  function startAudio() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) {
      return Promise.resolve();
    }
    if (!audio) {
      audio = new Ctx();
      audio.addEventListener('statechange', showSound);
    }
    return audio.state === 'suspended' ? audio.resume() : Promise.resolve();
  }
  function unlock() {
    if (soundWanted) {
      startAudio().then(showSound, showSound);
    }
  }
  document.addEventListener('click', unlock);
  document.addEventListener('keydown', unlock);
  toggle.addEventListener('click', function () {
    soundWanted = !soundWanted;
    store(SOUND_KEY, soundWanted ? 'on' : 'off');
    if (soundWanted) {
      startAudio().then(function () {
        showSound();
        tone();
      }, showSound);
    } else {
      showSound();
    }
  });
  if (soundWanted) {
    startAudio().then(showSound, showSound);
  }
  showSound();

  // Two short high tones: noticeable across a reception desk, not alarming for patients nearby.
  function tone() {
    if (!soundWanted || !audio || audio.state !== 'running') {
      return;
    }
    [0, 0.35].forEach(function (offset) {
      var start = audio.currentTime + offset;
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(start);
      osc.stop(start + 0.3);
    });
  }

  // ---- The urgent alert: on every staff page, and still there on the next page until dismissed -----
  // Only the check-in's number is kept (sessionStorage: this tab, gone when it closes), never patient data.
  var ALERT_KEY = 'physio-kiosk.urgent-alert';
  var banner = document.getElementById('live-banner');
  var bannerText = document.getElementById('live-banner-text');
  var title = document.title;

  function showAlert(number) {
    bannerText.textContent = bannerText.dataset.template.replace('{0}', number);
    banner.hidden = false;
    document.title = '(!) ' + title;
  }
  function pendingAlert() {
    try {
      return window.sessionStorage.getItem(ALERT_KEY);
    } catch (e) {
      return null;
    }
  }
  function keepAlert(number) {
    try {
      if (number === null) {
        window.sessionStorage.removeItem(ALERT_KEY);
      } else {
        window.sessionStorage.setItem(ALERT_KEY, String(number));
      }
    } catch (e) {
      // the alert then lasts for this page only
    }
  }
  if (pendingAlert() !== null) {
    showAlert(pendingAlert());
  }
  document.getElementById('live-banner-close').addEventListener('click', function () {
    banner.hidden = true;
    document.title = title;
    keepAlert(null);
  });

  // ---- The live list, on the check-ins page of today ------------------------------------------------
  var list = document.getElementById('check-ins');
  var live = list && list.dataset.live === 'yes';
  var stopped = document.getElementById('live-stopped');

  // Fetch this same page and swap in its list: the server stays the one place that renders it.
  function refresh() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html', 'X-Kiosk-Background': '1' } })
      .then(function (response) {
        if (response.redirected || !response.ok) {
          throw new Error('signed out');
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('check-ins');
        if (fresh) {
          list.innerHTML = fresh.innerHTML;
        }
      })
      .catch(function () {
        stopped.hidden = false;
      });
  }

  var events = new EventSource('/staff/events');
  events.addEventListener('check-in', function (event) {
    var data = JSON.parse(event.data);
    if (live && data.day === list.dataset.day) {
      refresh();
    }
    if (data.alert) {
      keepAlert(data.number);
      showAlert(data.number);
      tone();
    }
  });
  // A stream refused (signed out) is closed for good; a dropped one reconnects by itself.
  // data-stream says whether alerts are live, for people (the notice on the list) and for tests.
  events.addEventListener('error', function () {
    if (events.readyState === EventSource.CLOSED) {
      document.body.dataset.stream = 'closed';
      if (stopped) {
        stopped.hidden = false;
      }
    }
  });
  events.addEventListener('open', function () {
    document.body.dataset.stream = 'open';
    if (stopped) {
      stopped.hidden = true;
    }
  });
})();
