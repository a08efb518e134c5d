// The Switchboard web app. Everything secret stays in this page: the identity key signs the
// gateway challenge and the contact record (blinded), seals and opens signaling envelopes, and
// checks the other side's signature over its SDP (and so its DTLS fingerprint).
import QRCode from 'qrcode';
import * as c from './core.js';
import * as store from './store.js';
import { GatewayClient } from './gateway.js';
import { Call } from './call.js';

const $ = (id) => document.getElementById(id);
const RING_TIMEOUT_MS = 45000;

const app = {
  identity: null, contacts: [], settings: { allowListOnly: false },
  gateway: null, gatewayId: null, call: null, incoming: null,
  replay: new c.ReplayGuard(), seq: 0,
  notices: [], chat: [], received: [], sentFiles: [], events: [],
  autoAccept: false,      // test hook: accept rings without the click
  directSignal: null,     // test hook: (recipientPkHex, envelopeB64) => Promise, bypassing the gateway
};
window.sb = app;

// ---- small UI helpers ----------------------------------------------------------------------------
function notice(text, bad = false) {
  app.notices.push(text);
  const n = $('notice');
  n.textContent = text;
  n.className = 'notice' + (bad ? ' bad' : '');
  n.hidden = false;
}
function clearNotice() { $('notice').hidden = true; }
function log(e) { app.events.push(e); }
function showTab(name) {
  for (const s of document.querySelectorAll('.panel')) s.hidden = s.id !== name;
  for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.tab === name);
}
function status(text) { $('call-status').textContent = text; app.callStatus = text; }
const contactOf = (pk) => app.contacts.find((x) => x.pk === c.hex(pk));
function nameOf(pk) { const k = contactOf(pk); return k ? k.name : c.printId(pk).slice(0, 12) + '…'; }

// ---- identity ------------------------------------------------------------------------------------
async function showIdentity() {
  const id = c.printId(app.identity.pk);
  app.id = id;
  $('my-id').textContent = id;
  await QRCode.toCanvas($('qr'), id, { width: 220, margin: 1 });
}

// ---- gateway and record --------------------------------------------------------------------------
async function connectGateway() {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  app.gateway = new GatewayClient(`${proto}//${location.host}/ws`, app.identity, {
    onEnvelope: (env, ack) => onEnvelope(env, ack).catch((e) => console.warn('envelope', e)),
    onStatus: (s, m) => {
      const pill = $('gw-status');
      if (s === 'connected') { pill.textContent = 'online'; pill.className = 'pill ok'; app.gatewayId = m.gateway; publish().catch((e) => notice('Could not publish your contact record: ' + e.message, true)); }
      else if (s === 'refused') { pill.textContent = 'refused'; pill.className = 'pill bad'; notice('The gateway refused this browser: ' + m.message, true); }
      else if (s === 'disconnected') { pill.textContent = 'offline'; pill.className = 'pill bad'; }
    },
    onRefresh: () => publish().catch(() => {}),
  });
  await app.gateway.connect();
}

/** Builds, blinds, encrypts and signs this page's contact record; the gateway only stores it. */
async function publish() {
  const now = Date.now();
  app.seq = Math.max(app.seq + 1, now);
  const reach = { transports: c.TRANSPORT.gateway, media: c.MEDIA.audio | c.MEDIA.video | c.MEDIA.data, routes: [c.unhex(app.gatewayId)] };
  const records = await c.sealContactRecords(app.identity.seed, reach, app.seq, now);
  const r = await app.gateway.publish(records);
  app.published = { at: now, stored: r.stored, keys: records.map((x) => c.hex(x.key)) };
  log({ t: 'published', stored: r.stored });
  clearTimeout(app.refreshTimer);
  app.refreshTimer = setTimeout(() => publish().catch(() => {}), c.TTL_MILLIS / 2);
  return r;
}

/** The contact's routes from its record, found through the gateway and opened here. */
async function resolve(pk) {
  const now = Date.now();
  const keys = c.lookupKeys(pk, now);
  const values = await app.gateway.get(keys.map((k) => k.storageKey));
  let best = null, why = 'no contact record found';
  for (let i = 0; i < keys.length; i++) {
    if (!values[i]) continue;
    try {
      const rec = await c.openContactRecord(keys[i], values[i], now);
      if (!best || rec.seq > best.seq) best = rec;
    } catch (e) { why = e.message; }
  }
  if (!best) throw Object.assign(new Error(why), { offline: true });
  return best;
}

// ---- signaling -----------------------------------------------------------------------------------
async function sendSignal(peerPk, routes, msg) {
  const env = await c.sealEnvelope(app.identity.seed, peerPk, Date.now(), c.encodeCall(msg));
  if (app.directSignal) return app.directSignal(c.hex(peerPk), c.b64(env));
  return app.gateway.send(routes.map(c.hex), env);
}
function signalPeer(msg) {
  const call = app.call;
  return sendSignal(call.peerPk, call.peerRoutes, { ...msg, callId: call.callId });
}
const myReplyTo = () => ({ transports: c.TRANSPORT.gateway, media: 7, routes: [c.unhex(app.gatewayId || '00'.repeat(32))] });

/** Test hook of the direct mode: an envelope handed over without any gateway. */
app.receiveEnvelope = (envB64) => onEnvelope(c.unb64(envB64), () => {});

async function onEnvelope(env, ack) {
  let opened, m;
  try {
    opened = await c.openEnvelope(app.identity.seed, env);
    app.replay.check(opened, Date.now());
    m = c.decodeCall(opened.body);
  } catch (e) {
    log({ t: 'rejected', reason: e.reason || 'MALFORMED', message: e.message });
    if (e.claimedSender) onForged(e.claimedSender);
    return; // never acknowledged: a forger learns nothing
  }
  const from = opened.senderPk;
  const call = app.call;
  if (m.type === 'RING') return onRing(from, m, ack);
  const mine = call && c.equal(call.callId, m.callId) && c.equal(call.peerPk, from);
  const inc = app.incoming && c.equal(app.incoming.callId, m.callId) && c.equal(app.incoming.peerPk, from);
  if (m.type === 'CANCEL' && inc) { ack(); app.incoming = null; $('incoming').hidden = true; notice(`Missed call from ${nameOf(from)}.`); return; }
  if (!mine) { log({ t: 'unexpected', type: m.type }); return; }
  ack();
  if (m.type === 'ACCEPT') {
    const problem = c.fingerprintProblem(m.sdp);
    if (problem) { endCall(`Refused the answer: ${problem}.`, true); return; }
    clearTimeout(call.ringTimer);
    status(`Connecting to ${nameOf(from)}…`);
    await call.setRemote('answer', m.sdp);
  } else if (m.type === 'REJECT') endCall(`${nameOf(from)} declined the call.`, true, false);
  else if (m.type === 'BUSY') endCall(`${nameOf(from)} is busy in another call.`, true, false);
  else if (m.type === 'HANGUP' || m.type === 'CANCEL') endCall(`${nameOf(from)} hung up.`, false, false);
  else if (m.type === 'ICE') await call.addIce(m);
}

/** A message that claims to come from someone but carries no valid signature of theirs. */
function onForged(claimed) {
  const who = nameOf(claimed);
  const text = `Refused signaling claiming to be from ${who}: its signature does not verify, so its DTLS fingerprint cannot be trusted (a gateway or relay tampered).`;
  app.refusedTampering = (app.refusedTampering || 0) + 1;
  if (app.call && c.equal(app.call.peerPk, claimed)) endCall(text, true);
  else notice(text, true);
}

async function onRing(from, m, ack) {
  const k = contactOf(from);
  if (k && k.blocked) { log({ t: 'refused', why: 'blocked' }); return; }
  if (app.settings.allowListOnly && !(k && k.allowed)) {
    log({ t: 'refused', why: 'not on allow list' });
    notice(`Did not ring: a call from ${nameOf(from)}, who is not on your allow list. They were told nothing.`);
    return;
  }
  const problem = c.fingerprintProblem(m.sdp);
  if (problem) { log({ t: 'refused', why: problem }); notice(`Refused a call from ${nameOf(from)}: ${problem}.`, true); return; }
  if (app.call || app.incoming) {
    if ((app.call && c.equal(app.call.callId, m.callId)) || (app.incoming && c.equal(app.incoming.callId, m.callId))) { ack(); return; }
    ack();
    sendSignal(from, m.replyTo.routes, { type: 'BUSY', callId: m.callId }).catch(() => {});
    notice(`Missed a call from ${nameOf(from)} while in another call.`);
    return;
  }
  ack();
  const video = /\r?\nm=video /.test('\n' + m.sdp);
  const audio = /\r?\nm=audio /.test('\n' + m.sdp);
  app.incoming = { peerPk: from, callId: m.callId, sdp: m.sdp, routes: m.replyTo.routes, video, audio, at: Date.now() };
  $('incoming-from').textContent = k ? `${k.name} (${c.printId(from)})` : `Unknown caller ${c.printId(from)}`;
  $('incoming-kind').textContent = video ? 'Video call' : audio ? 'Audio call' : 'Chat and files';
  $('incoming').hidden = false;
  log({ t: 'ringing' });
  app.incoming.timer = setTimeout(() => { if (app.incoming && c.equal(app.incoming.callId, m.callId)) { app.incoming = null; $('incoming').hidden = true; notice(`Missed call from ${nameOf(from)}.`); } }, RING_TIMEOUT_MS);
  if (app.autoAccept) acceptIncoming();
}

function newCall(role, peerPk, callId, media, routes) {
  const call = new Call({
    role, peerPk, callId, media,
    events: {
      onTrack: (stream) => { $('remote-video').srcObject = stream; },
      onOpen: (ms) => { status(`In a call with ${nameOf(peerPk)}`); app.lastOpenMillis = ms; log({ t: 'open', ms }); },
      onChat: (text) => addChat(nameOf(peerPk), text, false),
      onControl: (msg) => onControl(msg),
      onFileProgress: (inc) => showProgress(inc.received, inc.size),
      onFile: (f) => onFile(f),
      onFailed: (why) => endCall(`Call ended: ${why}.`, true),
      onConnection: (s) => { if (app.call === call && (s === 'closed' || s === 'disconnected')) endCall(`${nameOf(peerPk)} left the call.`, false, false); },
    },
  });
  call.peerRoutes = routes;
  app.call = call;
  return call;
}

async function acceptIncoming() {
  const inc = app.incoming;
  if (!inc) return;
  app.incoming = null;
  clearTimeout(inc.timer);
  $('incoming').hidden = true;
  showTab('call');
  status(`Connecting to ${nameOf(inc.peerPk)}…`);
  const call = newCall('callee', inc.peerPk, inc.callId, { audio: inc.audio, video: inc.video }, inc.routes);
  try {
    const local = await call.addLocalMedia();
    if (local) $('local-video').srcObject = local;
    await call.setRemote('offer', inc.sdp);
    const sdp = await call.localDescription(false);
    await signalPeer({ type: 'ACCEPT', sdp });
  } catch (e) {
    endCall(`Could not answer: ${e.message}`, true);
  }
}
function rejectIncoming() {
  const inc = app.incoming;
  if (!inc) return;
  app.incoming = null;
  clearTimeout(inc.timer);
  $('incoming').hidden = true;
  sendSignal(inc.peerPk, inc.routes, { type: 'REJECT', callId: inc.callId }).catch(() => {});
}

/** Calls a contact: resolve its record, offer, RING through its introduction route. */
async function startCall(contact, media) {
  if (app.call) { notice('You are already in a call.'); return; }
  clearNotice();
  const pk = c.unhex(contact.pk);
  showTab('call');
  status(`Looking up ${contact.name}…`);
  let routes = [];
  if (!app.directSignal) {
    try {
      routes = (await resolve(pk)).routes;
    } catch (e) {
      status('No call.');
      notice(`${contact.name} is offline: ${e.message}.`, true);
      return;
    }
  }
  const call = newCall('caller', pk, c.randomBytes(16), media, routes);
  try {
    status(`Calling ${contact.name}…`);
    const local = await call.addLocalMedia();
    if (local) $('local-video').srcObject = local;
    call.createChannels();
    const sdp = await call.localDescription(true);
    call.ringTimer = setTimeout(() => {
      if (app.call === call && !call.remoteSet) { signalPeer({ type: 'CANCEL' }).catch(() => {}); endCall(`${contact.name} did not answer.`, true, false); }
    }, RING_TIMEOUT_MS);
    await sendSignal(pk, routes, { type: 'RING', callId: call.callId, sdp, replyTo: myReplyTo() });
    if (app.call === call && !call.remoteSet) status(`Ringing ${contact.name}…`);
  } catch (e) {
    if (app.call === call) endCall(`${contact.name} could not be reached: offline, or not accepting your calls (${e.message}).`, true, false);
  }
}

function endCall(text, bad = false, tellPeer = true) {
  const call = app.call;
  if (!call) { notice(text, bad); return; }
  app.call = null;
  clearTimeout(call.ringTimer);
  if (tellPeer) sendSignal(call.peerPk, call.peerRoutes, { type: 'HANGUP', callId: call.callId }).catch(() => {});
  call.close();
  $('remote-video').srcObject = null;
  $('local-video').srcObject = null;
  status('No call.');
  app.lastEnd = text;
  log({ t: 'ended', text });
  notice(text, bad);
}

// ---- chat, files, verification --------------------------------------------------------------------
function addChat(who, text, mine) {
  app.chat.push({ who, text, mine });
  const d = document.createElement('div');
  d.className = mine ? 'me' : '';
  d.textContent = `${who}: ${text}`;
  $('chat-log').appendChild(d);
  $('chat-log').scrollTop = 1e9;
}
function showProgress(done, total) {
  const p = $('file-progress');
  p.hidden = false;
  p.max = total || 1;
  p.value = done;
}
function onFile(f) {
  app.received.push({ name: f.name, size: f.size, sha: f.sha, ok: f.ok });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(f.blob);
  a.download = f.name;
  a.textContent = `${f.ok ? 'Received' : 'BROKEN'} ${f.name} (${f.size} bytes)`;
  const d = document.createElement('div');
  d.appendChild(a);
  $('files').appendChild(d);
}
async function sendFile(file) {
  if (!app.call) throw new Error('not in a call');
  const sha = await app.call.sendFile(file, showProgress);
  app.sentFiles.push({ name: file.name, size: file.size, sha });
  const d = document.createElement('div');
  d.textContent = `Sent ${file.name} (${file.size} bytes), receiver checked it.`;
  $('files').appendChild(d);
  return sha;
}
app.sendFile = sendFile;

/** Fresh signature challenge over the data channel: proves the peer holds its key right now. */
function startVerify() {
  const call = app.call;
  if (!call) return;
  call.verifyNonce = c.randomBytes(32);
  call.sendControl({ t: 'verify-challenge', nonce: c.b64(call.verifyNonce) });
}
async function onControl(msg) {
  const call = app.call;
  if (!call) return;
  if (msg.t === 'verify-challenge') {
    const sig = c.sign(app.identity.seed, c.verifyMessage(c.unb64(msg.nonce), call.peerPk, app.identity.pk));
    call.sendControl({ t: 'verify-response', sig: c.b64(sig) });
  } else if (msg.t === 'verify-response' && call.verifyNonce) {
    const ok = c.verify(call.peerPk, c.unb64(msg.sig), c.verifyMessage(call.verifyNonce, app.identity.pk, call.peerPk));
    call.verifyNonce = null;
    const k = contactOf(call.peerPk);
    if (ok && k) { k.verified = true; await store.saveContacts(app.contacts); renderContacts(); }
    app.verifyResult = ok;
    notice(ok ? `${nameOf(call.peerPk)} proved they hold their key. Safety number: ${c.safetyNumber(app.identity.pk, call.peerPk)}`
      : `Verification FAILED: the answer is not signed by ${nameOf(call.peerPk)}'s key.`, !ok);
  }
}

// ---- contacts ------------------------------------------------------------------------------------
async function addContact(idText, name) {
  const pk = c.parseId(idText);
  if (c.equal(pk, app.identity.pk)) throw new Error('that is your own id');
  const h = c.hex(pk);
  let k = app.contacts.find((x) => x.pk === h);
  if (!k) { k = { pk: h, name: name || c.printId(pk).slice(0, 8), allowed: true, blocked: false, verified: false }; app.contacts.push(k); }
  else if (name) k.name = name;
  await store.saveContacts(app.contacts);
  renderContacts();
  return k;
}
app.addContact = addContact;

function renderContacts() {
  const ul = $('contact-list');
  ul.textContent = '';
  for (const k of app.contacts) {
    const li = document.createElement('li');
    li.className = 'contact';
    li.dataset.pk = k.pk;
    const tags = [k.allowed ? 'allowed' : '', k.blocked ? 'blocked' : '', k.verified ? 'verified' : ''].filter(Boolean);
    li.innerHTML = `<div class="name"></div><div class="short"></div><div class="tags">${tags.map((t) => `<span class="${t}">${t}</span>`).join('')}</div>
      <div class="row"><button class="small" data-a="chat">Chat</button><button class="small" data-a="audio">Audio</button><button class="small" data-a="video">Video</button>
      <button class="small" data-a="allow">${k.allowed ? 'Disallow' : 'Allow'}</button><button class="small" data-a="block">${k.blocked ? 'Unblock' : 'Block'}</button>
      <button class="small" data-a="verify">Safety number</button><button class="small" data-a="remove">Remove</button></div>`;
    li.querySelector('.name').textContent = k.name;
    li.querySelector('.short').textContent = c.printId(c.unhex(k.pk));
    li.onclick = async (e) => {
      const a = e.target.dataset && e.target.dataset.a;
      if (!a) return;
      if (a === 'chat') startCall(k, { audio: false, video: false });
      else if (a === 'audio') startCall(k, { audio: true, video: false });
      else if (a === 'video') startCall(k, { audio: true, video: true });
      else if (a === 'allow') { k.allowed = !k.allowed; }
      else if (a === 'block') { k.blocked = !k.blocked; }
      else if (a === 'remove') { app.contacts = app.contacts.filter((x) => x !== k); }
      else if (a === 'verify') {
        $('verify-box').hidden = false;
        $('verify-name').textContent = k.name;
        $('safety-number').textContent = c.safetyNumber(app.identity.pk, c.unhex(k.pk));
      }
      if (['allow', 'block', 'remove'].includes(a)) { await store.saveContacts(app.contacts); renderContacts(); }
    };
    ul.appendChild(li);
  }
}

async function scanQr() {
  if (!('BarcodeDetector' in window)) { notice('This browser cannot scan QR codes: paste the id instead.'); return; }
  const video = $('scan-video');
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  video.srcObject = stream; video.hidden = false; await video.play();
  const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
  const stop = () => { stream.getTracks().forEach((t) => t.stop()); video.hidden = true; };
  const started = Date.now();
  const tick = async () => {
    try {
      const codes = await detector.detect(video);
      if (codes.length) { stop(); $('add-id').value = codes[0].rawValue; return; }
    } catch { /* keep trying */ }
    if (Date.now() - started < 30000) requestAnimationFrame(tick); else stop();
  };
  tick();
}

// ---- wiring ----------------------------------------------------------------------------------------
function wire() {
  for (const b of document.querySelectorAll('.tab')) b.onclick = () => showTab(b.dataset.tab);
  $('copy-id').onclick = async () => { try { await navigator.clipboard.writeText(app.id); notice('Id copied.'); } catch { notice('Select the id and copy it.'); } };
  $('export').onclick = async () => {
    try { $('backup-text').value = await store.exportBackup(app.identity, app.contacts, $('backup-pass').value); notice('Backup ready: keep the text and the passphrase.'); }
    catch (e) { notice(e.message, true); }
  };
  $('import').onclick = async () => {
    try {
      app.contacts = await store.importBackup($('backup-text').value, $('backup-pass').value);
      notice('Backup restored: reloading.');
      setTimeout(() => location.reload(), 500);
    } catch (e) { notice(e.message, true); }
  };
  $('add').onclick = async () => {
    try { const k = await addContact($('add-id').value, $('add-name').value.trim()); $('add-id').value = ''; $('add-name').value = ''; notice(`Added ${k.name}.`); }
    catch (e) { notice(`Cannot add: ${e.message}.`, true); }
  };
  $('scan').hidden = !('BarcodeDetector' in window);
  $('scan').onclick = () => scanQr().catch((e) => notice(e.message, true));
  $('allow-only').onchange = async () => { app.settings.allowListOnly = $('allow-only').checked; await store.saveSettings(app.settings); };
  $('accept').onclick = () => acceptIncoming();
  $('reject').onclick = () => rejectIncoming();
  $('hangup').onclick = () => endCall('You hung up.');
  $('chat-send').onclick = () => {
    const t = $('chat-input').value;
    if (!t || !app.call) return;
    try { app.call.sendChat(t); addChat('me', t, true); $('chat-input').value = ''; } catch (e) { notice('Not connected yet.', true); }
  };
  $('chat-input').onkeydown = (e) => { if (e.key === 'Enter') $('chat-send').click(); };
  $('file-send').onclick = () => {
    const f = $('file-input').files[0];
    if (f) sendFile(f).catch((e) => notice('File not sent: ' + e.message, true));
  };
  $('share').onclick = async () => { try { await app.call.shareScreen(); notice('Sharing your screen.'); } catch (e) { notice(app.call ? e.message : 'Not in a call.', true); } };
  $('verify-call').onclick = () => (app.call ? startVerify() : notice('Verify during a call.'));
}

async function main() {
  wire();
  app.identity = await store.loadIdentity();
  app.contacts = await store.loadContacts();
  app.settings = await store.loadSettings();
  $('allow-only').checked = !!app.settings.allowListOnly;
  await showIdentity();
  renderContacts();
  try { await connectGateway(); } catch (e) { notice('Gateway: ' + e.message, true); }
  app.ready = true;
}
app.setAllowListOnly = async (v) => { app.settings.allowListOnly = v; $('allow-only').checked = v; await store.saveSettings(app.settings); };
app.startVerify = startVerify;
main();
