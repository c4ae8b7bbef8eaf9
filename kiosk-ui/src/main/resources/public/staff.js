// Physio Kiosk staff pages: the urgent alert on every page a staff member has open, sound alerts that
// stay on for this browser once chosen, the live check-in list, and print on opening the print view.
// Every page works without this file (reload by hand, print with the browser's menu).
(function () {
  'use strict';

  var ALERT_KEY = 'physio-kiosk.urgent-alerts';   // sessionStorage: the numbers of undismissed alerts
  var SOUND_KEY = 'physio-kiosk.sound-alerts';    // localStorage: 'on' or 'off', this browser's choice
  var LEADER_KEY = 'physio-kiosk.events-leader';  // localStorage: which tab holds the event stream

  function read(storage, key) {
    try {
      return window[storage].getItem(key);
    } catch (e) {
      return null; // storage switched off in this browser: the choice lasts for this page only
    }
  }
  function write(storage, key, value) {
    try {
      if (value === null) {
        window[storage].removeItem(key);
      } else {
        window[storage].setItem(key, value);
      }
    } catch (e) {
      // as above
    }
  }

  // The print button opens the summary at .../print: print it at once.
  if (document.body.dataset.autoprint === 'yes') {
    window.addEventListener('load', function () { window.print(); });
    return;
  }
  if (document.body.dataset.signedIn !== 'yes') {
    // Signed out (or not yet in): an alert of the last session is not the next person's.
    write('sessionStorage', ALERT_KEY, null);
    return;
  }

  // A confirmation of the last action is read first.
  var confirmation = document.getElementById('confirmation');
  if (confirmation) {
    confirmation.focus();
  }

  // ---- Sound ---------------------------------------------------------------------------------------
  var toggle = document.getElementById('sound-toggle');
  var blocked = document.getElementById('sound-blocked');
  var audio = null;
  var soundWanted = read('localStorage', SOUND_KEY) === 'on';

  // A browser lets a page play sound only after someone used the site: when it holds the sound back,
  // a note says so and the next click or key anywhere lets it play.
  function showSound() {
    toggle.hidden = false;
    toggle.setAttribute('aria-pressed', soundWanted ? 'true' : 'false');
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
    write('localStorage', SOUND_KEY, soundWanted ? 'on' : 'off');
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

  // ---- The urgent alert: on every staff page, kept on the next ones until dismissed ------------------
  // Only check-in numbers are kept (sessionStorage: this tab, gone when it closes), never patient data.
  var banner = document.getElementById('live-banner');
  var bannerText = document.getElementById('live-banner-text');
  var title = document.title;

  function pending() {
    try {
      var numbers = JSON.parse(read('sessionStorage', ALERT_KEY) || '[]');
      // A number of this site, or "number (site)" for another site sharing the database.
      return Array.isArray(numbers) ? numbers.filter(function (n) {
        return typeof n === 'number' || (typeof n === 'string' && /^[0-9]{1,6} \([a-z0-9-]{1,40}\)$/.test(n));
      }) : [];
    } catch (e) {
      return [];
    }
  }
  function showAlerts() {
    var numbers = pending();
    if (numbers.length === 0) {
      banner.hidden = true;
      document.title = title;
      return;
    }
    var template = numbers.length === 1 ? bannerText.dataset.template : bannerText.dataset.templateMany;
    bannerText.textContent = template.replace('{0}', numbers.join(', '));
    banner.hidden = false;
    document.title = '(!) ' + title;
  }
  function alertUrgent(number) {
    var numbers = pending();
    if (numbers.indexOf(number) < 0) {
      numbers.push(number);
    }
    write('sessionStorage', ALERT_KEY, JSON.stringify(numbers.slice(-20)));
    showAlerts();
    tone();
  }
  showAlerts();
  document.getElementById('live-banner-close').addEventListener('click', function () {
    write('sessionStorage', ALERT_KEY, null);
    showAlerts();
  });

  // ---- The live list, on the check-ins page of today ------------------------------------------------
  var list = document.getElementById('check-ins');
  var live = list && list.dataset.live === 'yes';
  var stopped = document.getElementById('live-stopped');

  function streamState(state) {
    document.body.dataset.stream = state;
    stopped.hidden = state !== 'closed';
  }

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
        streamState('closed');
      });
  }

  function onCheckIn(data) {
    if (live && data.day === list.dataset.day) {
      refresh();
    }
    if (data.alert) {
      alertUrgent(typeof data.site === 'string' ? data.number + ' (' + data.site + ')' : data.number);
    }
  }

  // ---- One event stream per browser -----------------------------------------------------------------
  // A browser holds at most six connections to the kiosk: a stream per open staff tab could use them up
  // and leave the next page waiting. One tab (the leader, named in localStorage with a heartbeat) holds
  // the stream and passes each event to the other tabs over a BroadcastChannel; when it closes, another
  // takes over within seconds. Without those (an old browser, storage off) each tab has its own stream.
  var me = Math.random().toString(36).slice(2);
  var channel = window.BroadcastChannel ? new BroadcastChannel('physio-kiosk-staff') : null;
  var events = null;

  function openStream() {
    document.body.dataset.streamRole = 'leader';
    events = new EventSource('/staff/events');
    events.addEventListener('check-in', function (event) {
      var data = JSON.parse(event.data);
      onCheckIn(data);
      if (channel) {
        channel.postMessage({ kind: 'check-in', data: data });
      }
    });
    // A stream refused (signed out) is closed for good; a dropped one reconnects by itself.
    events.addEventListener('error', function () {
      if (events && events.readyState === EventSource.CLOSED) {
        streamState('closed');
        if (channel) {
          channel.postMessage({ kind: 'state', state: 'closed' });
        }
      }
    });
    events.addEventListener('open', function () {
      streamState('open');
      if (channel) {
        channel.postMessage({ kind: 'state', state: 'open' });
      }
    });
  }

  function storageWorks() {
    write('localStorage', 'physio-kiosk.probe', '1');
    var works = read('localStorage', 'physio-kiosk.probe') === '1';
    write('localStorage', 'physio-kiosk.probe', null);
    return works;
  }
  if (!channel || !storageWorks()) {
    openStream();
    return;
  }

  channel.onmessage = function (message) {
    if (message.data.kind === 'check-in') {
      onCheckIn(message.data.data);
    } else if (message.data.kind === 'state') {
      streamState(message.data.state);
    } else if (message.data.kind === 'hello' && events) {
      channel.postMessage({ kind: 'state', state: events.readyState === EventSource.OPEN ? 'open' : 'connecting' });
    }
  };

  function leader() {
    try {
      return JSON.parse(read('localStorage', LEADER_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }
  function lead() {
    var now = Date.now();
    var current = leader();
    if (!current || current.id === me || now - current.at > 6000) {
      write('localStorage', LEADER_KEY, JSON.stringify({ id: me, at: now }));
      if (!events) {
        openStream();
      }
    } else if (events) {
      // Another tab leads (both took over at once): leave the stream to it.
      events.close();
      events = null;
      document.body.dataset.streamRole = 'follower';
    }
  }
  lead();
  if (!events) {
    document.body.dataset.streamRole = 'follower';
    channel.postMessage({ kind: 'hello' });
  }
  setInterval(lead, 2000);
  window.addEventListener('pagehide', function () {
    if (events) {
      events.close();
      var current = leader();
      if (current && current.id === me) {
        write('localStorage', LEADER_KEY, null); // the next page or another tab takes over at once
      }
    }
  });
})();
