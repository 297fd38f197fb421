// The patient's side of a video consultation: language, consent, camera check, waiting room, call.
// It speaks docs/hub-protocol.md over the hub's websocket. No framework, no third-party code.
//
// For tests (harmless): #status carries data-state (loading, invalid, ready, waiting, connecting,
// in_call, ended, error), and window.tooddoc.pc is the RTCPeerConnection once the patient joins.
'use strict';

(function () {
  const STRINGS = window.TOODDOC_STRINGS;
  const LANGUAGES = ['fr', 'nl', 'en', 'de'];
  const IN_APP_BROWSER = /FBAN|FBAV|FB_IAB|FBIOS|Instagram|Messenger|LinkedInApp|Twitter|Snapchat|MicroMessenger|musical_ly|Bytedance|TikTok|Pinterest|Line\/|; wv\)/i;
  const RETRY_DELAYS = [1000, 2000, 4000, 8000, 15000, 15000, 15000, 15000];
  const FATAL_CLOSE_CODES = new Set([1008, 1009, 4400, 4408, 4429]);

  const $ = (id) => document.getElementById(id);
  const api = { pc: null, version: 1 };
  window.tooddoc = api;

  const s = {
    lang: browserLanguage(),
    langChosen: false,
    token: tokenFromPath(),
    ws: null,
    welcome: null,
    state: 'loading',
    statusKey: 'loading',
    noticeKey: null,
    endedKey: null,
    stream: null,
    devicesReady: false,
    deviceKey: null,
    joined: false,
    hungUp: false,
    pc: null,
    pendingRemote: [],
    waitingSince: 0,
    callSince: 0,
    ticker: 0,
    retries: 0,
    meter: null,
    wakeLock: null,
  };

  // ---- words ------------------------------------------------------------------------------

  function browserLanguage() {
    for (const tag of navigator.languages || [navigator.language || '']) {
      const primary = String(tag).slice(0, 2).toLowerCase();
      if (LANGUAGES.includes(primary)) return primary;
    }
    return 'en';
  }

  function t(key, params, lang) {
    let text = (STRINGS[lang || s.lang] || STRINGS.en)[key] || STRINGS.en[key] || key;
    for (const [name, value] of Object.entries(params || {})) text = text.replace(`{${name}}`, value);
    return text;
  }

  function setLanguage(lang, chosen) {
    if (!LANGUAGES.includes(lang)) return;
    s.lang = lang;
    s.langChosen = s.langChosen || chosen;
    document.documentElement.lang = lang;
    document.title = t('title');
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll('[data-i18n-label]')) {
      el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    }
    for (const button of document.querySelectorAll('[data-lang]')) {
      button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
      button.setAttribute('aria-label', t('language_name', null, button.dataset.lang));
    }
    render();
  }

  // ---- what the page shows -----------------------------------------------------------------

  function setState(state, statusKey) {
    s.state = state;
    s.statusKey = statusKey || state;
    render();
  }

  // Live regions are announced when their text changes: write only changes.
  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function render() {
    const status = $('status');
    const checking = s.state === 'ready' && !s.devicesReady;
    status.dataset.state = s.state;
    setText(status, t(checking ? s.deviceKey || 'device_checking' : s.statusKey));
    $('notice').hidden = !s.noticeKey;
    setText($('notice'), s.noticeKey ? t(s.noticeKey) : '');
    $('view-invalid').hidden = s.state !== 'invalid';
    $('view-lobby').hidden = s.state !== 'ready';
    $('view-call').hidden = !['waiting', 'connecting', 'in_call'].includes(s.state);
    $('view-ended').hidden = !['ended', 'error'].includes(s.state);
    if (s.welcome) setText($('invitation'), t('invitation', { practice: s.welcome.practice_name }));
    setText($('device-note'), s.devicesReady && s.deviceKey ? t(s.deviceKey) : '');
    $('preview').hidden = !(s.stream && s.stream.getVideoTracks().length);
    $('mic-level').closest('label').hidden = !s.stream;
    $('join').disabled = !(s.welcome && s.devicesReady && $('consent').checked);
    $('join-hint').hidden = $('consent').checked || !s.devicesReady;
    $('waiting-panel').hidden = s.state === 'in_call';
    setText($('hangup'), t(s.state === 'in_call' ? 'hangup' : 'leave'));
    setText($('ended-text'), s.endedKey ? t(s.endedKey) : '');
    $('rejoin').hidden = s.endedKey !== 'connection_failed';
    renderInvalid();
    renderToggles();
    tick();
  }

  function renderInvalid() {
    const list = $('invalid-other');
    list.replaceChildren();
    if (s.state !== 'invalid') return;
    for (const lang of LANGUAGES.filter((l) => l !== s.lang)) {
      const item = document.createElement('li');
      item.lang = lang;
      item.textContent = t('invalid', null, lang);
      list.append(item);
    }
  }

  function renderToggles() {
    const audio = s.stream ? s.stream.getAudioTracks()[0] : null;
    const video = s.stream ? s.stream.getVideoTracks()[0] : null;
    const muted = Boolean(audio && !audio.enabled);
    const dark = Boolean(video && !video.enabled);
    // the label says what a tap does ("Unmute"); data-off only styles the button
    $('mute').dataset.off = String(muted);
    setText($('mute'), t(muted ? 'unmute' : 'mute'));
    $('camera').dataset.off = String(dark);
    setText($('camera'), t(dark ? 'camera_on' : 'camera_off'));
    $('camera').hidden = !video;
  }

  function clock(since) {
    const seconds = Math.max(0, Math.floor((Date.now() - since) / 1000));
    const minutes = Math.floor(seconds / 60);
    return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
  }

  function tick() {
    const waiting = s.state === 'waiting' || s.state === 'connecting';
    setText($('elapsed'), waiting && s.waitingSince ? t('waited', { time: clock(s.waitingSince) }) : '');
    setText($('call-time'), s.state === 'in_call' && s.callSince ? t('call_time', { time: clock(s.callSince) }) : '');
  }

  function notice(key) {
    s.noticeKey = key;
    render();
  }

  function end(key, state) {
    s.endedKey = key;
    s.noticeKey = null;
    closePeer();
    stopMedia();
    if (s.ws && s.ws.readyState === WebSocket.OPEN && state === 'error') s.ws.close();
    setState(state || 'ended', state === 'error' ? 'error_generic' : key);
  }

  function invalid() {
    closePeer();
    stopMedia();
    setState('invalid', 'invalid');
  }

  // ---- the hub -------------------------------------------------------------------------------

  function tokenFromPath() {
    const match = /\/c\/([^/]+)$/.exec(location.pathname);
    try {
      return match ? decodeURIComponent(match[1]) : '';
    } catch (_) {
      return '';
    }
  }

  function socketUrl() {
    const url = new URL('../ws', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.href;
  }

  function connect() {
    const ws = new WebSocket(socketUrl());
    s.ws = ws;
    ws.onopen = () => send({ type: 'hello', v: 1, role: 'patient', token: s.token });
    ws.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (_) {
        return;
      }
      if (ws === s.ws && message && typeof message.type === 'string') receive(message);
    };
    ws.onclose = (event) => {
      if (ws === s.ws) socketClosed(event.code);
    };
  }

  function send(message) {
    if (s.ws && s.ws.readyState === WebSocket.OPEN) s.ws.send(JSON.stringify(message));
  }

  function socketClosed(code) {
    s.ws = null;
    if (['ended', 'invalid', 'error'].includes(s.state)) return;
    if (code === 4401) return invalid();
    if (code === 4409) return end('ended_replaced');
    if (FATAL_CLOSE_CODES.has(code)) return end('error_generic', 'error');
    if (s.state === 'in_call') return; // the media flows peer to peer; the call goes on
    if (s.retries >= RETRY_DELAYS.length) return end('error_generic', 'error');
    notice(s.state === 'loading' ? null : 'reconnecting');
    setTimeout(connect, RETRY_DELAYS[s.retries++]);
  }

  function receive(message) {
    switch (message.type) {
      case 'welcome':
        return welcomed(message);
      case 'admitted':
        if (s.state === 'waiting') setState('connecting');
        return;
      case 'answer':
        return answered(message.sdp);
      case 'candidate':
        return remoteCandidate(message.candidate);
      case 'practitioner_left':
        // in the call the media flows peer to peer: the connection state speaks for it
        if (s.state !== 'in_call') notice('practitioner_left');
        return;
      case 'bye':
        return end('ended_practitioner');
      case 'closed':
        return closedRoom(message.reason);
      case 'error':
        if (message.code === 'invalid_link') return invalid();
        if (message.code === 'rate_limited' && !s.welcome) return end('error_generic', 'error');
        console.warn('hub refused a message:', message.code);
        return;
      default:
        return;
    }
  }

  function welcomed(message) {
    const reconnected = Boolean(s.welcome);
    s.welcome = message;
    s.retries = 0;
    s.noticeKey = null;
    if (!s.langChosen && !reconnected) setLanguage(message.language, false);
    if (s.joined) {
      // the socket dropped while waiting: say it again, with a fresh connection
      s.waitingSince = s.waitingSince || Date.now();
      setState('waiting');
      send({ type: 'join' });
      startPeer();
      return;
    }
    if (s.state === 'loading') {
      setState('ready', 'ready');
      checkDevices();
    } else {
      render();
    }
  }

  function closedRoom(reason) {
    if (s.state === 'ended') return;
    if (reason === 'cancelled') return end('ended_cancelled');
    if (reason === 'expired') return end('ended_expired');
    end(s.hungUp ? 'ended_you' : 'ended_practitioner');
  }

  // ---- camera and microphone -----------------------------------------------------------------

  function deviceProblem(error) {
    const name = error && error.name;
    if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
      return 'device_denied';
    }
    if (name === 'NotFoundError' || name === 'DevicesNotFoundError') return 'device_no_mic';
    if (name === 'NotReadableError' || name === 'TrackStartError') return 'device_busy';
    return 'device_failed';
  }

  async function checkDevices() {
    const media = navigator.mediaDevices;
    if (!media || !media.getUserMedia || !window.RTCPeerConnection) {
      s.deviceKey = 'device_unsupported';
      return render();
    }
    stopMedia();
    s.devicesReady = false;
    s.deviceKey = 'device_checking';
    $('retry').hidden = true;
    render();
    let stream = null;
    let key = 'device_ok';
    try {
      stream = await media.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true },
        video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
      });
    } catch (error) {
      if (error.name !== 'NotFoundError' && error.name !== 'OverconstrainedError') {
        return devicesFailed(deviceProblem(error));
      }
      try {
        stream = await media.getUserMedia({ audio: true });
        key = 'device_no_camera';
      } catch (second) {
        return devicesFailed(deviceProblem(second));
      }
    }
    if (s.state !== 'ready') {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    s.stream = stream;
    s.devicesReady = true;
    s.deviceKey = key;
    $('preview').srcObject = stream;
    startMeter(stream);
    render();
  }

  function devicesFailed(key) {
    s.deviceKey = key;
    $('retry').hidden = false;
    render();
  }

  function startMeter(stream) {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context || !stream.getAudioTracks().length) return;
    try {
      const context = new Context();
      const analyser = context.createAnalyser();
      analyser.fftSize = 512;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Uint8Array(analyser.fftSize);
      const meter = { context, frame: 0 };
      const draw = () => {
        analyser.getByteTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += ((sample - 128) / 128) ** 2;
        $('mic-level').value = Math.min(1, Math.sqrt(sum / samples.length) * 4);
        meter.frame = requestAnimationFrame(draw);
      };
      meter.frame = requestAnimationFrame(draw);
      s.meter = meter;
    } catch (_) {
      s.meter = null; // the level bar is a help, not a requirement
    }
  }

  function stopMeter() {
    if (!s.meter) return;
    cancelAnimationFrame(s.meter.frame);
    s.meter.context.close().catch(() => {});
    s.meter = null;
  }

  function stopMedia() {
    stopMeter();
    if (s.stream) s.stream.getTracks().forEach((track) => track.stop());
    s.stream = null;
    s.devicesReady = false;
    releaseWakeLock();
  }

  // ---- the call --------------------------------------------------------------------------------

  function join() {
    if ($('join').disabled || s.joined) return;
    s.joined = true;
    s.waitingSince = Date.now();
    $('self-video').srcObject = s.stream;
    setState('waiting');
    keepScreenOn();
    send({ type: 'join' });
    startPeer();
  }

  async function startPeer() {
    closePeer();
    const servers = (s.welcome.ice_servers || []).map((server) => ({
      urls: server.urls,
      username: server.username,
      credential: server.credential,
    }));
    const pc = new RTCPeerConnection({ iceServers: servers });
    s.pc = pc;
    api.pc = pc;
    s.pendingRemote = [];
    const early = [];
    let offered = false;
    for (const track of s.stream.getTracks()) pc.addTrack(track, s.stream);
    if (!s.stream.getVideoTracks().length) pc.addTransceiver('video', { direction: 'recvonly' });
    pc.onicecandidate = (event) => {
      const candidate = event.candidate && event.candidate.candidate ? event.candidate.toJSON() : null;
      if (pc !== s.pc) return;
      if (offered) send({ type: 'candidate', candidate });
      else early.push(candidate);
    };
    pc.ontrack = (event) => {
      const remote = $('remote-video');
      const stream = event.streams[0];
      if (stream && remote.srcObject === stream) return; // audio and video share one stream
      if (stream) remote.srcObject = stream;
      else if (remote.srcObject) remote.srcObject.addTrack(event.track);
      else remote.srcObject = new MediaStream([event.track]);
      remote.play().catch((error) => {
        // a browser that wants a tap before it plays sound says NotAllowedError
        if (error && error.name === 'NotAllowedError') $('tap-sound').hidden = false;
      });
    };
    pc.onconnectionstatechange = () => {
      if (pc !== s.pc) return;
      if (pc.connectionState === 'connected') {
        s.noticeKey = null;
        if (s.state !== 'in_call') {
          s.callSince = Date.now();
          stopMeter();
          setState('in_call');
        }
      } else if (pc.connectionState === 'disconnected') {
        notice('reconnecting');
      } else if (pc.connectionState === 'failed') {
        // leave without `bye`: the room stays open and "Join again" comes back through the link
        if (s.ws) s.ws.close(1000);
        end('connection_failed');
      }
    };
    try {
      await pc.setLocalDescription(await pc.createOffer());
      if (pc !== s.pc) return;
      send({ type: 'offer', sdp: pc.localDescription.sdp });
      offered = true;
      for (const candidate of early) send({ type: 'candidate', candidate });
    } catch (error) {
      console.error('could not prepare the call', error && error.name);
      end('error_generic', 'error');
    }
  }

  async function answered(sdp) {
    const pc = s.pc;
    if (!pc || typeof sdp !== 'string') return;
    if (s.state === 'waiting') setState('connecting');
    try {
      await pc.setRemoteDescription({ type: 'answer', sdp });
      for (const candidate of s.pendingRemote.splice(0)) await addRemote(pc, candidate);
    } catch (error) {
      console.error('the answer could not be used', error && error.name);
    }
  }

  function remoteCandidate(candidate) {
    const pc = s.pc;
    if (!pc) return;
    if (!pc.remoteDescription) s.pendingRemote.push(candidate);
    else addRemote(pc, candidate);
  }

  async function addRemote(pc, candidate) {
    try {
      await (candidate ? pc.addIceCandidate(candidate) : pc.addIceCandidate());
    } catch (error) {
      console.warn('a remote candidate was refused', error && error.name);
    }
  }

  function closePeer() {
    if (s.pc) {
      s.pc.onicecandidate = s.pc.ontrack = s.pc.onconnectionstatechange = null;
      s.pc.close();
    }
    s.pc = null;
  }

  function hangUp() {
    s.hungUp = true;
    send({ type: 'bye' });
    end('ended_you');
  }

  function toggle(kind) {
    const track = s.stream && (kind === 'audio' ? s.stream.getAudioTracks() : s.stream.getVideoTracks())[0];
    if (track) track.enabled = !track.enabled;
    renderToggles();
  }

  async function keepScreenOn() {
    try {
      if (navigator.wakeLock) s.wakeLock = await navigator.wakeLock.request('screen');
    } catch (_) {
      s.wakeLock = null; // only a comfort: a sleeping screen does not end the call
    }
  }

  function releaseWakeLock() {
    if (s.wakeLock) s.wakeLock.release().catch(() => {});
    s.wakeLock = null;
  }

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(location.href);
      $('copied').textContent = t('copied');
    } catch (_) {
      $('copied').textContent = '';
    }
  }

  // ---- start -------------------------------------------------------------------------------------

  function start() {
    for (const button of document.querySelectorAll('[data-lang]')) {
      button.addEventListener('click', () => setLanguage(button.dataset.lang, true));
    }
    $('consent').addEventListener('change', () => {
      if (s.meter) s.meter.context.resume().catch(() => {});
      render();
    });
    $('retry').addEventListener('click', checkDevices);
    $('join').addEventListener('click', join);
    $('hangup').addEventListener('click', hangUp);
    $('mute').addEventListener('click', () => toggle('audio'));
    $('camera').addEventListener('click', () => toggle('video'));
    $('rejoin').addEventListener('click', () => location.reload());
    $('copy-link').addEventListener('click', copyLink);
    $('tap-sound').addEventListener('click', () => {
      $('tap-sound').hidden = true;
      $('remote-video').play().catch(() => {});
    });
    $('inapp').hidden = !IN_APP_BROWSER.test(navigator.userAgent);
    s.ticker = setInterval(tick, 1000);
    setLanguage(s.lang, false);
    if (!s.token) return invalid();
    connect();
  }

  start();
})();
