// The patient's side of a video consultation: language, consent, device and sound checks, waiting
// room, call, reconnection. It speaks docs/hub-protocol.md over the hub's websocket. No framework,
// no third-party code.
//
// #status carries data-state, one of:
//   loading       the page asks the hub about its link
//   invalid       the link is unknown, expired or closed
//   held          the link is open on another device; the practice decides whether to let this one in
//   payment       the practice asks a pre-payment: Pay leads to Stripe's Checkout page (card,
//                 Bancontact), which sends the patient back to the link; the page goes on once the
//                 hub says it is paid (docs/payments.md)
//   ready         consent, camera and microphone check, sound test, Join
//   waiting       in the waiting room (the practice knows the patient is there)
//   connecting    admitted: the call is being set up
//   in_call       the call is up
//   reconnecting  the call's connection was lost; the page makes a new one through the same link
//   ended         the call or the consultation is over (#ended-text says how)
//   moved         the consultation goes on on another device
//   refused       the practice did not let this device in
//   error         something the page cannot recover from
// Other hooks for tests (harmless): #speaker[data-state] (idle, playing, asked, heard, not_heard,
// unsupported), #quality[data-quality] (unknown, good, fair, poor), #view-lobby[data-device] (the
// camera/microphone check's outcome), #audio-only-panel (shown while the call is audio only),
// #chat-log (the chat's lines, li.mine and li.theirs), #chat-badge (unread lines), and
// window.tooddoc: pc (the current RTCPeerConnection), connections (how many were made), tones
// (sound tests played to their end), reports (quality reports sent to the practice's app).
//
// Each connection carries a data channel "tooddoc" to the practice's app (it works whatever hub
// relays the signaling). The app sends {"type": "video", "send": bool, "audio_only": bool} when
// the network cannot carry video (the page then stops sending its camera and says the call is
// audio only) and when it can again; the page sends, once a second, {"type": "report",
// "uplink_kbps", "fps", "freezes", "width", "height"}: its browser's estimate of the bandwidth it
// can send with, and the practitioner's video as it decodes it.
//
// The chat with the practice travels as the call's `chat` signal over the hub's websocket, once
// the practice has let the patient in; its lines are shown as text, never as HTML.
'use strict';

(function () {
  const STRINGS = window.TOODDOC_STRINGS;
  const LANGUAGES = ['fr', 'nl', 'en', 'de'];
  const IN_APP_BROWSER = /FBAN|FBAV|FB_IAB|FBIOS|Instagram|Messenger|WhatsApp|LinkedInApp|Twitter|Snapchat|MicroMessenger|musical_ly|Bytedance|TikTok|Pinterest|Line\/|; wv\)/i;
  const APPLE = /iPhone|iPad|iPod|Macintosh/i;
  const FATAL_CLOSE_CODES = new Set([1008, 1009, 4400, 4408, 4429]);
  const TERMINAL = new Set(['invalid', 'ended', 'moved', 'refused', 'error']);
  const CALL_STATES = new Set(['waiting', 'connecting', 'in_call', 'reconnecting']);

  // The signaling socket: how long an opening may take, then the pauses between attempts.
  const SOCKET_OPEN_MS = 4000;
  const SOCKET_RETRY_MS = [250, 1000, 2000, 4000, 8000];
  // The call: no packet in for STALL_MS means the connection is lost. The page then waits for
  // the old path to carry packets again (the network is back: a new connection is made at once)
  // or, after FALLBACK_MS, makes a new one anyway, over a new socket. A new connection that is
  // not up after REJOIN_MS is replaced the same way. After GIVE_UP_MS of trying, the page stops.
  const STALL_MS = 2000;
  const FALLBACK_MS = 6000;
  const REJOIN_MS = 10000;
  const GIVE_UP_MS = 180000;
  const WATCH_MS = 500;
  const WATCH_LOST_MS = 150;
  const QUALITY_MS = 2000;
  const REPORT_MS = 1000;

  const $ = (id) => document.getElementById(id);
  const api = { pc: null, version: 3, connections: 0, tones: 0, reports: 0 };
  window.tooddoc = api;

  const s = {
    lang: 'en',
    langChosen: false,
    token: tokenFromPath(),
    key: '',
    device: '',
    memory: {},
    ws: null,
    socketAttempt: 0,
    openTimer: 0,
    retryTimer: 0,
    failingSince: 0,
    welcome: null,
    payment: null,
    paymentReturn: '',
    movedAway: false,
    state: 'loading',
    statusKey: 'loading',
    noticeKey: null,
    endedKey: null,
    stream: null,
    devicesReady: false,
    deviceKey: null,
    autoJoin: false,
    joined: false,
    hungUp: false,
    pc: null,
    pendingRemote: [],
    everConnected: false,
    callSince: 0,
    lastPackets: -1,
    lastPacketAt: 0,
    lostAt: 0,
    lostPc: null,
    rejoinAt: 0,
    watchTimer: 0,
    quality: { at: 0, packets: 0, lost: 0, frames: 0, key: 'unknown' },
    channel: null,
    audioOnly: false,
    practiceMedia: { camera: true, microphone: true }, // what the practice's side sends
    sendVideo: true,
    reportAt: 0,
    ticker: 0,
    meter: null,
    wakeLock: null,
    admitted: false,
    chat: [],
    chatOpen: null,
    chatUnread: 0,
    chatNote: null,
  };

  // ---- what this browser remembers about this link --------------------------------------------
  // sessionStorage (this tab): consent given, joined, the chosen language, when waiting began, so
  // that a reloaded page goes back to the waiting room or the call by itself. localStorage: this
  // device's id for the link. Both are keyed by a digest of the token, never the token itself.

  function digest(text) {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < text.length; i++) {
      a = Math.imul(a ^ text.charCodeAt(i), 0x01000193) >>> 0;
      b = Math.imul(b ^ text.charCodeAt(i), 0x811c9dc5) >>> 0;
    }
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  }

  function storage(kind) {
    try {
      return window[kind];
    } catch (_) {
      return null; // storage refused (privacy settings): the page works, it just forgets
    }
  }

  function recall() {
    try {
      const saved = JSON.parse(storage('sessionStorage').getItem(`tooddoc.link.${s.key}`) || '{}');
      return saved && typeof saved === 'object' ? saved : {};
    } catch (_) {
      return {};
    }
  }

  function remember(changes) {
    Object.assign(s.memory, changes);
    try {
      storage('sessionStorage').setItem(`tooddoc.link.${s.key}`, JSON.stringify(s.memory));
    } catch (_) {
      // not remembered: a reload starts from the lobby
    }
  }

  function deviceId() {
    const name = `tooddoc.device.${s.key}`;
    const store = storage('localStorage');
    try {
      const known = store && store.getItem(name);
      if (known && /^[0-9a-f]{32}$/.test(known)) return known;
    } catch (_) {
      // a fresh id below
    }
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    const id = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    try {
      if (store) store.setItem(name, id);
    } catch (_) {
      // kept for this page only
    }
    return id;
  }

  // ---- words ------------------------------------------------------------------------------------

  function browserLanguage() {
    for (const tag of navigator.languages || [navigator.language || '']) {
      const primary = String(tag).slice(0, 2).toLowerCase();
      if (LANGUAGES.includes(primary)) return primary;
    }
    return 'en';
  }

  function t(key, params, lang) {
    let text = (STRINGS[lang || s.lang] || STRINGS.en)[key] || STRINGS.en[key] || key;
    // a function, so that a `$&` or `$'` in a value (a chat line) is not a replacement pattern
    for (const [name, value] of Object.entries(params || {})) text = text.replace(`{${name}}`, () => value);
    return text;
  }

  function setLanguage(lang, chosen) {
    if (!LANGUAGES.includes(lang)) return;
    s.lang = lang;
    if (chosen) {
      s.langChosen = true;
      remember({ lang });
    }
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
    setText($('inapp-text'), t(APPLE.test(navigator.userAgent) ? 'inapp_ios' : 'inapp_android'));
    renderSpeaker();
    renderChatLog();
    render();
  }

  // ---- what the page shows ----------------------------------------------------------------------

  function setState(state, statusKey) {
    s.state = state;
    s.statusKey = statusKey || state;
    render();
    watchSoon();
  }

  // Live regions are announced when their text changes: write only changes.
  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  function practice() {
    return s.welcome ? s.welcome.practice_name : '';
  }

  function render() {
    const status = $('status');
    const checking = s.state === 'ready' && !s.devicesReady;
    status.dataset.state = s.state;
    setText(status, t(checking ? s.deviceKey || 'device_checking' : s.statusKey, { practice: practice() }));
    $('notice').hidden = !s.noticeKey;
    setText($('notice'), s.noticeKey ? t(s.noticeKey) : '');
    setText($('practice'), practice());
    const inCall = CALL_STATES.has(s.state);
    $('view-invalid').hidden = s.state !== 'invalid';
    $('view-held').hidden = s.state !== 'held';
    $('view-lobby').hidden = s.state !== 'ready';
    $('view-payment').hidden = s.state !== 'payment';
    setText($('payment-title'), s.payment ? t('payment_title', { practice: practice(), amount: amount() }) : '');
    setText($('pay'), t(s.paymentReturn === 'cancelled' ? 'pay_again' : 'pay', { amount: s.payment ? amount() : '' }));
    $('pay').disabled = !checkoutUrl();
    $('view-call').hidden = !inCall;
    $('view-ended').hidden = !['ended', 'error', 'moved', 'refused'].includes(s.state);
    $('view-lobby').dataset.device = s.deviceKey ? s.deviceKey.replace('device_', '') : 'none';
    setText($('invitation'), t('invitation', { practice: practice() }));
    setText($('device-note'), s.devicesReady && s.deviceKey ? t(s.deviceKey) : '');
    $('preview').hidden = !(s.stream && s.stream.getVideoTracks().length);
    $('mic-level').closest('label').hidden = !s.stream;
    $('join').disabled = !(s.welcome && s.devicesReady && $('consent').checked);
    $('join-hint').hidden = $('consent').checked || !s.devicesReady;
    const waiting = s.state === 'waiting' || s.state === 'connecting';
    $('waiting-panel').hidden = !waiting;
    setText($('waiting-title'), t(s.state === 'connecting' ? 'connecting' : 'waiting', { practice: practice() }));
    $('reconnect-panel').hidden = s.state !== 'reconnecting';
    const audioOnly = s.audioOnly && s.state === 'in_call';
    $('audio-only-panel').hidden = !audioOnly;
    setText($('audio-only-title'), audioOnly ? t('audio_only') : '');
    const off = [];
    if (!s.practiceMedia.camera) off.push(t('practice_camera_off'));
    if (!s.practiceMedia.microphone) off.push(t('practice_microphone_off'));
    $('practice-media').hidden = s.state !== 'in_call' || !off.length;
    setText($('practice-media'), s.state === 'in_call' ? off.join(' ') : '');
    setText($('hangup'), t(s.everConnected ? 'hangup' : 'leave'));
    setText($('ended-text'), s.endedKey ? t(s.endedKey) : '');
    setText($('ended-more'), s.state === 'error' || s.state === 'refused' ? '' : t('close_page'));
    $('rejoin').hidden = s.endedKey !== 'connection_failed';
    $('quality').hidden = s.state !== 'in_call';
    renderInvalid();
    renderToggles();
    renderChat();
    tick();
    keepFocus();
  }

  // A control that disappears takes the keyboard focus with it: give it to the new view's title.
  function keepFocus() {
    const active = document.activeElement;
    if (active && active !== document.body && active.offsetParent !== null) return;
    const target = ['view-payment', 'view-lobby', 'view-held', 'view-ended']
      .map((id) => $(id))
      .find((view) => !view.hidden);
    let title = target ? target.querySelector('[tabindex="-1"]') : null;
    if (!target && !$('view-call').hidden) title = $('waiting-panel').hidden ? $('mute') : $('waiting-title');
    if (title && active && active !== document.body) title.focus();
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

  // Waiting is told in whole minutes, without a ticking clock.
  function waited() {
    const since = s.memory.waitingSince;
    if (!since || s.state !== 'waiting') return '';
    const minutes = Math.floor((Date.now() - since) / 60000);
    if (minutes < 1) return '';
    if (minutes === 1) return t('waited_one');
    return minutes < 60 ? t('waited_many', { n: String(minutes) }) : t('waited_long');
  }

  function tick() {
    setText($('elapsed'), waited());
    const inCall = (s.state === 'in_call' || s.state === 'reconnecting') && s.callSince;
    setText($('call-time'), inCall ? t('call_time', { time: clock(s.callSince) }) : '');
    const q = s.quality.key;
    $('quality').dataset.quality = q;
    setText($('quality'), q === 'unknown' ? '' : t(`quality_${q}`));
  }

  function notice(key) {
    s.noticeKey = key;
    render();
  }

  function end(key, state, keepMemory) {
    s.endedKey = key;
    s.noticeKey = null;
    clearTimeout(s.retryTimer);
    clearTimeout(s.openTimer);
    closePeer();
    stopMedia();
    if (!keepMemory) forgetCall();
    if (state === 'error' || keepMemory) dropSocket(); // otherwise the hub closes it
    setState(state || 'ended', state === 'error' ? 'error_generic' : key);
  }

  function invalid() {
    clearTimeout(s.retryTimer);
    closePeer();
    stopMedia();
    forgetCall();
    setState('invalid', 'invalid');
  }

  // ---- the hub ------------------------------------------------------------------------------------

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
    clearTimeout(s.retryTimer);
    dropSocket();
    const ws = new WebSocket(socketUrl());
    s.ws = ws;
    // an opening that hangs (the network is down), or a hello the hub never answers, is
    // abandoned, and tried again
    const abandon = () => {
      if (ws !== s.ws) return;
      dropSocket();
      socketClosed(1006);
    };
    s.openTimer = setTimeout(abandon, SOCKET_OPEN_MS);
    ws.onopen = () => {
      clearTimeout(s.openTimer);
      send({ type: 'hello', v: 1, role: 'patient', token: s.token, device: s.device });
      s.openTimer = setTimeout(abandon, SOCKET_OPEN_MS);
    };
    ws.onmessage = (event) => {
      if (ws === s.ws) clearTimeout(s.openTimer); // the hub answers
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

  // Forgets the current socket (its events are ignored from now on) and closes it.
  function dropSocket() {
    const ws = s.ws;
    s.ws = null;
    clearTimeout(s.openTimer);
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000);
  }

  function send(message) {
    if (s.ws && s.ws.readyState === WebSocket.OPEN) s.ws.send(JSON.stringify(message));
  }

  function socketClosed(code) {
    s.ws = null;
    clearTimeout(s.openTimer);
    if (TERMINAL.has(s.state)) return;
    if (code === 4401) return invalid();
    if (code === 4403) return end('refused', 'refused');
    if (code === 4409) return s.movedAway ? end('moved', 'moved') : end('ended_replaced');
    if (FATAL_CLOSE_CODES.has(code)) return end('error_generic', 'error');
    retrySocket();
  }

  function retrySocket() {
    const now = Date.now();
    s.failingSince = s.failingSince || now;
    if (now - s.failingSince > GIVE_UP_MS) return giveUp();
    // in a call the media flows peer to peer: only a lost call is worth a word
    if (!['loading', 'in_call', 'reconnecting'].includes(s.state)) notice('link_lost');
    const delay = SOCKET_RETRY_MS[Math.min(s.socketAttempt++, SOCKET_RETRY_MS.length - 1)];
    clearTimeout(s.retryTimer);
    s.retryTimer = setTimeout(connect, delay);
  }

  function giveUp() {
    if (s.joined) return end('connection_failed', 'ended', true);
    return end('error_generic', 'error');
  }

  function receive(message) {
    switch (message.type) {
      case 'welcome':
        return welcomed(message);
      case 'payment':
        return paymentChanged(message);
      case 'device_accepted':
        if (s.state === 'held') proceed();
        return;
      case 'admitted':
        s.admitted = true;
        if (s.state === 'waiting') setState('connecting');
        return;
      case 'signal':
        return signalled(message);
      case 'answer':
        return answered(message.sdp);
      case 'candidate':
        return remoteCandidate(message.candidate);
      case 'practitioner_left':
        // in the call the media flows peer to peer: the connection speaks for it
        if (s.state !== 'in_call' && s.state !== 'reconnecting') notice('practitioner_left');
        return;
      case 'bye':
        return end('ended_practitioner');
      case 'closed':
        return closedRoom(message.reason);
      case 'error':
        if (message.code === 'invalid_link') return invalid();
        if (message.code === 'rate_limited' && !s.welcome) return end('error_generic', 'error');
        if (message.code === 'not_admitted') return chatRefused();
        if (message.code === 'payment_required') return showPayment();
        console.warn('hub refused a message:', message.code);
        return;
      default:
        return;
    }
  }

  function welcomed(message) {
    const first = !s.welcome;
    s.welcome = message;
    s.admitted = false; // a new socket is a new patient session: the practice lets it in again
    s.socketAttempt = 0;
    s.failingSince = 0;
    s.noticeKey = null;
    if (!s.langChosen && first) setLanguage(message.language, false);
    if (message.device_held) {
      closePeer();
      stopMedia();
      return setState('held', 'held');
    }
    s.payment = message.payment || null;
    if (paymentDue()) return showPayment();
    proceed();
  }

  // ---- the pre-payment ----------------------------------------------------------------------------

  function paymentDue() {
    return Boolean(s.payment && s.payment.state !== 'paid');
  }

  function amount() {
    const cents = s.payment ? s.payment.amount_cents : 0;
    return new Intl.NumberFormat(`${s.lang}-BE`, { style: 'currency', currency: 'EUR' }).format(cents / 100);
  }

  function showPayment() {
    closePeer();
    stopMedia();
    setState('payment', paymentStatusKey());
  }

  function paymentStatusKey() {
    if (s.payment && !s.payment.checkout_url) return 'payment_preparing';
    if (s.paymentReturn === 'done') return 'payment_checking';
    if (s.paymentReturn === 'cancelled') return 'payment_cancelled';
    return 'payment_due';
  }

  function paymentChanged(message) {
    s.payment = message;
    if (paymentDue()) return s.state === 'payment' ? setState('payment', paymentStatusKey()) : undefined;
    if (s.state !== 'payment') return;
    s.paymentReturn = '';
    s.noticeKey = 'payment_received';
    s.state = 'loading';
    proceed();
  }

  // Stripe's page, or (in tests) a loopback stand-in for it; nothing else is followed.
  function checkoutUrl() {
    const address = s.payment && s.payment.checkout_url;
    if (!address) return null;
    try {
      const url = new URL(address);
      const loopback = url.protocol === 'http:' && url.hostname === '127.0.0.1';
      return url.protocol === 'https:' || loopback ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  function pay() {
    const url = checkoutUrl();
    if (!url) return;
    location.assign(url);
  }

  function proceed() {
    if (s.joined) return backInRoom();
    if (s.state === 'loading' || s.state === 'held') {
      setState('ready', 'ready');
      return checkDevices();
    }
    return render();
  }

  // A new socket (a reload, a dropped socket, a reconnection): the hub sees a new patient
  // session, so the page enters the waiting room again; the app lets a patient it was talking
  // to back in by itself.
  function backInRoom() {
    if (!s.devicesReady) {
      s.autoJoin = true;
      setState('ready', 'ready');
      return checkDevices();
    }
    send({ type: 'join' });
    if (s.state === 'in_call' && s.pc && s.pc.connectionState === 'connected') return render();
    if (!s.everConnected) setState('waiting');
    startPeer();
  }

  function closedRoom(reason) {
    if (TERMINAL.has(s.state)) return;
    if (reason === 'refused') return end('refused', 'refused');
    if (reason === 'moved') {
      s.movedAway = true;
      return end('moved', 'moved');
    }
    if (reason === 'cancelled') return end('ended_cancelled');
    if (reason === 'expired') return end('ended_expired');
    end(s.hungUp ? 'ended_you' : 'ended_practitioner');
  }

  // ---- camera and microphone ----------------------------------------------------------------------

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
    if (s.autoJoin && $('consent').checked) join();
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

  // ---- the sound test: three short notes made with WebAudio, through the default output ----------

  const speaker = { state: 'idle', context: null, timer: 0 };

  function speakerState(state) {
    speaker.state = state;
    renderSpeaker();
  }

  function renderSpeaker() {
    $('speaker').dataset.state = speaker.state;
    const again = speaker.state !== 'idle' && speaker.state !== 'playing';
    setText($('speaker-test'), t(again ? 'speaker_again' : 'speaker_test'));
    $('speaker-test').disabled = speaker.state === 'playing';
    $('speaker-ask').hidden = speaker.state !== 'asked';
    const help = {
      playing: 'speaker_playing',
      heard: 'speaker_ok',
      not_heard: 'speaker_help',
      unsupported: 'speaker_unsupported',
    }[speaker.state];
    setText($('speaker-help'), help ? t(help) : '');
  }

  function testSpeaker() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return speakerState('unsupported');
    const context = new Context();
    speaker.context = context;
    speakerState('playing');
    const finished = () => {
      if (speaker.context !== context) return;
      clearTimeout(speaker.timer);
      speaker.context = null;
      context.close().catch(() => {});
      speakerState('asked');
      $('speaker-yes').focus();
    };
    context.resume().catch(() => {});
    const start = context.currentTime + 0.05;
    const volume = context.createGain();
    volume.gain.value = 0.3;
    volume.connect(context.destination);
    [523.25, 659.25, 783.99].forEach((frequency, index) => {
      const note = context.createOscillator();
      const envelope = context.createGain();
      const at = start + index * 0.35;
      note.frequency.value = frequency;
      envelope.gain.setValueAtTime(0.0001, at);
      envelope.gain.exponentialRampToValueAtTime(1, at + 0.02);
      envelope.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
      note.connect(envelope).connect(volume);
      note.start(at);
      note.stop(at + 0.32);
      if (index === 2) {
        note.onended = () => {
          api.tones += 1;
          finished();
        };
      }
    });
    // a context the browser keeps suspended never ends its notes: ask anyway
    speaker.timer = setTimeout(finished, 3000);
  }

  // ---- the call -----------------------------------------------------------------------------------

  function join() {
    if ($('join').disabled || s.state !== 'ready') return;
    s.autoJoin = false;
    s.joined = true;
    remember({ consented: true, joined: true, waitingSince: s.memory.waitingSince || Date.now() });
    $('self-video').srcObject = s.stream;
    stopMeter();
    keepScreenOn();
    send({ type: 'join' });
    setState('waiting', 'waiting');
    startPeer();
  }

  // A new RTCPeerConnection and a new offer (aiortc, on the practice's side, does not restart
  // ICE: a fresh connection is how a call comes back). The previous one is closed once the offer
  // is on its way.
  async function startPeer() {
    const old = s.pc;
    const servers = (s.welcome.ice_servers || []).map((server) => ({
      urls: server.urls,
      username: server.username,
      credential: server.credential,
    }));
    const pc = new RTCPeerConnection({ iceServers: servers });
    s.pc = pc;
    s.lostPc = null; // from now on the new connection is the one awaited
    s.rejoinAt = Date.now();
    api.pc = pc;
    api.connections += 1;
    s.pendingRemote = [];
    s.lastPackets = -1;
    s.lastPacketAt = Date.now();
    const early = [];
    let offered = false;
    for (const track of s.stream.getTracks()) pc.addTrack(track, s.stream);
    if (!s.stream.getVideoTracks().length) pc.addTransceiver('video', { direction: 'recvonly' });
    openChannel(pc);
    pc.onicecandidate = (event) => {
      const candidate = event.candidate && event.candidate.candidate ? event.candidate.toJSON() : null;
      if (pc !== s.pc) return;
      if (offered) send({ type: 'candidate', candidate });
      else early.push(candidate);
    };
    pc.ontrack = (event) => showRemote(event);
    pc.onconnectionstatechange = () => connectionChanged(pc);
    try {
      await pc.setLocalDescription(await pc.createOffer());
      if (pc !== s.pc) return;
      send({ type: 'offer', sdp: pc.localDescription.sdp });
      offered = true;
      for (const candidate of early) send({ type: 'candidate', candidate });
    } catch (error) {
      console.error('could not prepare the call', error && error.name);
      end('error_generic', 'error');
    } finally {
      if (old && old !== s.pc) closeConnection(old);
    }
  }

  // ---- the line to the practice's app (audio only, quality reports) ----------------------------

  function openChannel(pc) {
    const channel = pc.createDataChannel('tooddoc');
    s.channel = channel;
    s.sendVideo = true; // a new connection sends its camera until the app says otherwise
    channel.onmessage = (event) => {
      if (pc === s.pc) control(pc, event.data);
    };
  }

  function control(pc, text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch (_) {
      return;
    }
    if (!message || message.type !== 'video') return;
    s.audioOnly = message.audio_only === true;
    sendVideo(pc, message.send !== false);
    render();
  }

  // Starts or stops sending the camera without renegotiating (the track stays, so does the preview)
  async function sendVideo(pc, on) {
    s.sendVideo = on;
    for (const sender of pc.getSenders()) {
      if (!sender.track || sender.track.kind !== 'video') continue;
      const parameters = sender.getParameters();
      if (!parameters.encodings || !parameters.encodings.length) continue;
      if (parameters.encodings[0].active === on) continue;
      parameters.encodings[0].active = on;
      try {
        await sender.setParameters(parameters);
      } catch (error) {
        console.warn('could not change the video sending', error && error.name);
      }
    }
  }

  function sendReport(figures, now) {
    const channel = s.channel;
    if (!channel || channel.readyState !== 'open' || now - s.reportAt < REPORT_MS) return;
    s.reportAt = now;
    const kbps = typeof figures.uplink === 'number' ? Math.round(figures.uplink / 1000) : null;
    channel.send(JSON.stringify({
      type: 'report',
      uplink_kbps: kbps,
      fps: figures.fps,
      freezes: figures.freezes,
      width: figures.width,
      height: figures.height,
    }));
    api.reports += 1;
  }

  function showRemote(event) {
    const remote = $('remote-video');
    const stream = event.streams[0];
    if (stream && remote.srcObject === stream) return; // audio and video share one stream
    if (stream) remote.srcObject = stream;
    else if (remote.srcObject && remote.srcObject.getTracks().every((t) => t.readyState === 'live')) {
      remote.srcObject.addTrack(event.track);
    } else remote.srcObject = new MediaStream([event.track]);
    remote.play().catch((error) => {
      // a browser that wants a tap before it plays sound says NotAllowedError
      if (error && error.name === 'NotAllowedError') $('tap-sound').hidden = false;
    });
  }

  function connectionChanged(pc) {
    if (pc !== s.pc || TERMINAL.has(s.state)) return;
    const state = pc.connectionState;
    // the lost connection's path works again: the network is back, make the new connection now
    if (state === 'connected' && pc === s.lostPc) return rejoin(false);
    if (state === 'connected') {
      s.noticeKey = null;
      s.everConnected = true;
      s.failingSince = 0;
      s.lostPc = null;
      s.lastPacketAt = Date.now();
      if (!s.callSince) s.callSince = Date.now();
      remember({ waitingSince: 0 });
      setState('in_call');
    } else if (state === 'failed') {
      // the path is gone: a new connection, over a new socket
      lost();
      rejoin(true);
    } else if (state === 'disconnected' && s.state === 'in_call') {
      lost();
    }
  }

  async function answered(sdp) {
    const pc = s.pc;
    if (!pc || typeof sdp !== 'string' || pc.signalingState !== 'have-local-offer') return;
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

  function closeConnection(pc) {
    pc.onicecandidate = pc.ontrack = pc.onconnectionstatechange = null;
    pc.close();
  }

  function closePeer() {
    if (s.pc) closeConnection(s.pc);
    if (s.lostPc && s.lostPc !== s.pc) closeConnection(s.lostPc);
    s.pc = null;
    s.lostPc = null;
    s.channel = null;
    s.audioOnly = false;
  }

  // ---- reconnection -------------------------------------------------------------------------------

  function lost() {
    if (s.state !== 'in_call') return;
    s.lostAt = Date.now();
    s.lostPc = s.pc;
    s.lastPackets = -1; // the next reading is the baseline: more than that, the path is back
    s.rejoinAt = 0;
    s.quality.key = 'unknown';
    setState('reconnecting');
  }

  // Quick: a new connection over the socket in hand (the network is back, the socket with it).
  // Full: a new socket too (the old one may be dead without knowing it), which re-enters the
  // waiting room and sends the new offer once the hub has answered.
  function rejoin(full) {
    if (!full && s.ws && s.ws.readyState === WebSocket.OPEN) return startPeer();
    if (s.pc) closeConnection(s.pc);
    s.pc = null;
    s.lostPc = null;
    s.rejoinAt = Date.now();
    s.socketAttempt = 0;
    connect();
  }

  function watchSoon() {
    clearTimeout(s.watchTimer);
    if (CALL_STATES.has(s.state)) s.watchTimer = setTimeout(watch, s.state === 'reconnecting' ? WATCH_LOST_MS : WATCH_MS);
  }

  async function watch() {
    const pc = s.pc;
    try {
      if (pc && (s.state === 'in_call' || s.state === 'reconnecting')) {
        const figures = await readStats(pc);
        if (pc === s.pc) judge(pc, figures);
      } else if (s.state === 'reconnecting') {
        judge(null, null);
      }
    } catch (error) {
      console.warn('statistics unavailable', error && error.name);
    }
    watchSoon();
  }

  function judge(pc, figures) {
    const now = Date.now();
    if (figures && figures.packets !== s.lastPackets) {
      const flowing = s.lastPackets >= 0;
      s.lastPackets = figures.packets;
      s.lastPacketAt = now;
      // the path of the lost connection carries packets again: the network is back
      if (flowing && s.state === 'reconnecting' && pc === s.lostPc) return rejoin(false);
    }
    if (s.state === 'in_call') {
      if (now - s.lastPacketAt >= STALL_MS) return lost();
      if (figures) sendReport(figures, now);
      return figures && judgeQuality(figures, now);
    }
    if (s.state !== 'reconnecting') return;
    if (now - s.lostAt > GIVE_UP_MS) return giveUp();
    if (s.lostPc && now - s.lostAt >= FALLBACK_MS) return rejoin(true);
    if (!s.lostPc && s.rejoinAt && now - s.rejoinAt >= REJOIN_MS) return rejoin(true);
  }

  async function readStats(pc) {
    const figures = {
      packets: 0, lost: 0, frames: 0, video: false, rtt: null,
      uplink: null, fps: null, freezes: null, width: null, height: null,
    };
    let pair = null;
    const pairs = {};
    (await pc.getStats()).forEach((report) => {
      if (report.type === 'inbound-rtp') {
        figures.packets += report.packetsReceived || 0;
        figures.lost += Math.max(0, report.packetsLost || 0);
        if (report.kind === 'video') {
          figures.video = true;
          figures.frames += report.framesDecoded || 0;
          if (typeof report.framesPerSecond === 'number') figures.fps = report.framesPerSecond;
          if (typeof report.freezeCount === 'number') figures.freezes = report.freezeCount;
          if (report.frameWidth) figures.width = report.frameWidth;
          if (report.frameHeight) figures.height = report.frameHeight;
        }
      } else if (report.type === 'transport' && report.selectedCandidatePairId) {
        pair = report.selectedCandidatePairId;
      } else if (report.type === 'candidate-pair') {
        pairs[report.id] = report;
      }
    });
    const selected = pairs[pair] || Object.values(pairs).find((p) => p.nominated && p.state === 'succeeded');
    if (selected && typeof selected.currentRoundTripTime === 'number') figures.rtt = selected.currentRoundTripTime;
    if (selected && typeof selected.availableOutgoingBitrate === 'number') figures.uplink = selected.availableOutgoingBitrate;
    return figures;
  }

  // good / fair / poor from the last couple of seconds: round trip, packets lost, frames shown
  function judgeQuality(figures, now) {
    const q = s.quality;
    if (now - q.at < QUALITY_MS) return;
    if (q.at && figures.packets >= q.packets) {
      const seconds = (now - q.at) / 1000;
      const received = figures.packets - q.packets;
      const lostNow = Math.max(0, figures.lost - q.lost);
      const loss = received + lostNow ? lostNow / (received + lostNow) : 0;
      // audio only: no video to judge (the audio-only panel says why)
      const fps = figures.video && !s.audioOnly ? (figures.frames - q.frames) / seconds : 30;
      const rtt = figures.rtt || 0;
      if (rtt > 0.6 || loss > 0.08 || fps < 8) q.key = 'poor';
      else if (rtt > 0.3 || loss > 0.02 || fps < 15) q.key = 'fair';
      else q.key = 'good';
    }
    Object.assign(q, { at: now, packets: figures.packets, lost: figures.lost, frames: figures.frames });
    tick();
  }

  // ---- the chat with the practice ---------------------------------------------------------------
  // Open on a wide screen, folded on a phone: folded, a badge counts the practice's new lines and
  // a live region reads each one out (the log itself is a live region while it shows). The lines
  // of this call are kept in sessionStorage for a reload, and forgotten when the call ends.

  const CHAT_MAX = 2000; // characters, as the app counts them (code points)
  const CHAT_KEPT = 200;
  const CHAT_REFUSED_MS = 5000;
  const WIDE = '(min-width: 40rem)';

  function characters(text) {
    return Array.from(text).length;
  }

  function chatOpen() {
    if (s.chatOpen === null) s.chatOpen = !window.matchMedia || window.matchMedia(WIDE).matches;
    return s.chatOpen;
  }

  function renderChat() {
    $('chat').hidden = !['connecting', 'in_call', 'reconnecting'].includes(s.state);
    const open = chatOpen();
    if (open) s.chatUnread = 0;
    $('chat-toggle').setAttribute('aria-expanded', String(open));
    $('chat-body').hidden = !open;
    const unread = s.chatUnread;
    $('chat-badge').hidden = !unread;
    setText($('chat-badge'), unread === 1 ? t('chat_unread_one') : t('chat_unread_many', { n: String(unread) }));
    $('chat-empty').hidden = s.chat.length > 0;
    $('chat-input').placeholder = t('chat_placeholder');
    const note = s.chatNote;
    setText($('chat-note'), note ? t(note.key, note.params) : '');
    $('chat-input').setAttribute('aria-invalid', String(Boolean(note && note.key === 'chat_too_long')));
  }

  function chatTime(at) {
    try {
      return new Date(at).toLocaleTimeString(s.lang, { hour: '2-digit', minute: '2-digit' });
    } catch (_) {
      return '';
    }
  }

  function chatItem(line) {
    const item = document.createElement('li');
    item.className = line.from === 'you' ? 'mine' : 'theirs';
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = `${t(line.from === 'you' ? 'you' : 'practitioner')} · ${chatTime(line.at)}`;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = line.text; // as text: whatever it holds is never markup
    item.append(who, text);
    return item;
  }

  function renderChatLog() {
    const log = $('chat-log');
    log.replaceChildren(...s.chat.map(chatItem));
    log.scrollTop = log.scrollHeight;
  }

  function addLine(line) {
    s.chat.push(line);
    if (s.chat.length > CHAT_KEPT) s.chat.splice(0, s.chat.length - CHAT_KEPT);
    remember({ chat: s.chat });
    const log = $('chat-log');
    log.append(chatItem(line));
    while (log.children.length > s.chat.length) log.firstElementChild.remove();
    log.scrollTop = log.scrollHeight;
    if (line.from !== 'you' && !chatOpen()) {
      s.chatUnread += 1;
      const announce = $('chat-announce');
      announce.textContent = '';
      announce.textContent = t('chat_new', { text: line.text });
    }
    renderChat();
  }

  function chatNote(key, params) {
    s.chatNote = key ? { key, params } : null;
    renderChat();
  }

  function signalled(message) {
    if (typeof message.data !== 'string') return;
    if (message.signal_type === 'media') return practiceMediaChanged(message.data);
    if (message.signal_type !== 'chat') return;
    const text = message.data.trim();
    if (!text || characters(text) > CHAT_MAX) return;
    addLine({ from: 'practice', text, at: Date.now() });
  }

  // The practice turned its camera or microphone off or on: {"camera": bool, "microphone": bool}
  function practiceMediaChanged(data) {
    let media;
    try {
      media = JSON.parse(data);
    } catch (_) {
      return;
    }
    if (!media || typeof media !== 'object') return;
    s.practiceMedia = { camera: media.camera !== false, microphone: media.microphone !== false };
    render();
  }

  function chatSubmit(event) {
    event.preventDefault();
    const input = $('chat-input');
    const text = input.value.trim();
    if (!text) return;
    if (characters(text) > CHAT_MAX) return chatTyped();
    if (!s.admitted || !s.ws || s.ws.readyState !== WebSocket.OPEN) return chatNote('chat_not_now');
    send({ type: 'signal', signal_type: 'chat', data: text });
    input.value = '';
    chatNote(null);
    addLine({ from: 'you', text, at: Date.now() });
  }

  function chatTyped() {
    const count = characters($('chat-input').value.trim());
    if (count > CHAT_MAX) return chatNote('chat_too_long', { n: String(count), max: String(CHAT_MAX) });
    if (s.chatNote) chatNote(null);
  }

  // The hub refused a line (the practice had not let this session in yet): it did not leave.
  function chatRefused() {
    const last = s.chat[s.chat.length - 1];
    if (!last || last.from !== 'you' || Date.now() - last.at > CHAT_REFUSED_MS) return;
    s.chat.pop();
    remember({ chat: s.chat });
    renderChatLog();
    if (!$('chat-input').value) $('chat-input').value = last.text;
    chatNote('chat_not_now');
  }

  function toggleChat() {
    s.chatOpen = !chatOpen();
    renderChat();
    if (s.chatOpen) {
      renderChatLog();
      $('chat-input').focus();
    }
  }

  function recallChat() {
    const kept = Array.isArray(s.memory.chat) ? s.memory.chat : [];
    s.chat = kept
      .filter((line) => line && ['you', 'practice'].includes(line.from) && typeof line.text === 'string'
        && typeof line.at === 'number')
      .slice(-CHAT_KEPT);
  }

  // The call is over (or the link is): what this tab remembers of it goes.
  function forgetCall() {
    s.chat = [];
    s.chatUnread = 0;
    s.chatNote = null;
    remember({ joined: false, waitingSince: 0, chat: [] });
    renderChatLog();
  }

  // ---- controls -----------------------------------------------------------------------------------

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
    const box = $('link-text');
    box.value = location.href;
    try {
      await navigator.clipboard.writeText(location.href);
      setText($('copied'), t('copied'));
      return;
    } catch (_) {
      // in-app browsers often refuse the clipboard: show the link, selected, to copy by hand
    }
    $('link-box').hidden = false;
    box.focus();
    box.select();
    setText($('copied'), t('copy_failed'));
  }

  // ---- start --------------------------------------------------------------------------------------

  function start() {
    // back from Stripe's page: say so, and keep the address the patient has clean
    const back = new URLSearchParams(location.search).get('payment');
    if (back === 'done' || back === 'cancelled') s.paymentReturn = back;
    if (location.search) history.replaceState(null, '', location.pathname);
    s.key = digest(s.token);
    s.memory = recall();
    s.device = deviceId();
    s.joined = Boolean(s.memory.joined);
    recallChat();
    s.lang = LANGUAGES.includes(s.memory.lang) ? s.memory.lang : browserLanguage();
    s.langChosen = LANGUAGES.includes(s.memory.lang);
    $('consent').checked = Boolean(s.memory.consented);
    for (const button of document.querySelectorAll('[data-lang]')) {
      button.addEventListener('click', () => setLanguage(button.dataset.lang, true));
    }
    $('consent').addEventListener('change', () => {
      if (s.meter) s.meter.context.resume().catch(() => {});
      remember({ consented: $('consent').checked });
      render();
    });
    $('retry').addEventListener('click', checkDevices);
    $('join').addEventListener('click', join);
    $('pay').addEventListener('click', pay);
    $('hangup').addEventListener('click', hangUp);
    $('mute').addEventListener('click', () => toggle('audio'));
    $('camera').addEventListener('click', () => toggle('video'));
    $('rejoin').addEventListener('click', () => location.reload());
    $('copy-link').addEventListener('click', copyLink);
    $('chat-form').addEventListener('submit', chatSubmit);
    $('chat-input').addEventListener('input', chatTyped);
    $('chat-toggle').addEventListener('click', toggleChat);
    $('speaker-test').addEventListener('click', testSpeaker);
    $('speaker-yes').addEventListener('click', () => speakerState('heard'));
    $('speaker-no').addEventListener('click', () => {
      speakerState('not_heard');
      $('speaker-test').focus();
    });
    $('tap-sound').addEventListener('click', () => {
      $('tap-sound').hidden = true;
      $('remote-video').play().catch(() => {});
    });
    window.addEventListener('offline', () => lost());
    window.addEventListener('online', () => {
      if (s.state === 'reconnecting') rejoin(true);
    });
    $('inapp').hidden = !IN_APP_BROWSER.test(navigator.userAgent);
    s.ticker = setInterval(tick, 1000);
    setLanguage(s.lang, false);
    if (!s.token) return invalid();
    connect();
  }

  start();
})();
