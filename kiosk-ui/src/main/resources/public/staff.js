// Physio Kiosk staff pages: live list updates with an urgent alert, and print on opening the print
// view. Every page works without this file (reload by hand, print with the browser's menu).
(function () {
  'use strict';

  // The print button opens the summary at .../print: print it at once.
  if (document.body.dataset.autoprint === 'yes') {
    window.addEventListener('load', function () { window.print(); });
  }

  var list = document.getElementById('check-ins');
  if (!list || list.dataset.live !== 'yes' || !window.EventSource) {
    return;
  }

  var banner = document.getElementById('live-banner');
  var bannerText = document.getElementById('live-banner-text');
  var stopped = document.getElementById('live-stopped');
  var soundOn = document.getElementById('sound-on');
  var title = document.title;
  var audio = null;

  // Browsers let a page play sound only after someone clicked on it: any click unlocks the tone,
  // and the button stays until sound really is on.
  function showSoundButton() {
    soundOn.hidden = !!audio && audio.state === 'running';
  }
  function unlockAudio() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) {
      return Promise.resolve();
    }
    if (!audio) {
      audio = new Ctx();
      audio.addEventListener('statechange', showSoundButton);
    }
    return audio.state === 'suspended' ? audio.resume() : Promise.resolve();
  }
  document.addEventListener('click', function () {
    unlockAudio().then(showSoundButton, showSoundButton);
  });
  showSoundButton();
  soundOn.addEventListener('click', function () {
    unlockAudio().then(function () {
      showSoundButton();
      tone();
    }, showSoundButton);
  });

  // Two short high tones: noticeable across a reception desk, not alarming for patients nearby.
  function tone() {
    if (!audio || audio.state !== 'running') {
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

  function alertUrgent(number) {
    bannerText.textContent = bannerText.dataset.template.replace('{0}', number);
    banner.hidden = false;
    document.title = '(!) ' + title;
    tone();
  }

  document.getElementById('live-banner-close').addEventListener('click', function () {
    banner.hidden = true;
    document.title = title;
  });

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
    if (data.day !== list.dataset.day) {
      return;
    }
    refresh();
    if (data.alert) {
      alertUrgent(data.number);
    }
  });
  // A stream refused (signed out) is closed for good; a dropped one reconnects by itself.
  // data-stream says whether the list is live, for people (the notice) and for tests.
  events.addEventListener('error', function () {
    if (events.readyState === EventSource.CLOSED) {
      stopped.hidden = false;
      list.dataset.stream = 'closed';
    }
  });
  events.addEventListener('open', function () {
    stopped.hidden = true;
    list.dataset.stream = 'open';
  });
})();
