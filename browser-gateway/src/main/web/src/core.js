// Switchboard protocol core for the page: byte layouts and cryptography, identical to the Java
// code in signaling/ and dht/ (see docs/wire-format.md). Pure: no DOM, no network. Runs in the
// browser and in Node (the interop tests drive it from Java through `node`).
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { hkdf } from '@noble/hashes/hkdf.js';

const subtle = globalThis.crypto.subtle;
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });
export const ascii = (s) => enc.encode(s);

// ---- bytes ------------------------------------------------------------------------------------
export function concat(...parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
export function u64(v) {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(v));
  return b;
}
export function readU64(b, off) {
  return Number(new DataView(b.buffer, b.byteOffset, b.byteLength).getBigInt64(off));
}
export function u16(v) { return new Uint8Array([(v >>> 8) & 0xff, v & 0xff]); }
export function u32(v) { return new Uint8Array([(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]); }
export const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
export function unhex(s) {
  if (s.length % 2) throw new Error('odd hex');
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.substr(2 * i, 2), 16);
  return out;
}
export function b64(b) {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
  return btoa(s);
}
export function unb64(s) {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
export const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
export function randomBytes(n) { const b = new Uint8Array(n); globalThis.crypto.getRandomValues(b); return b; }
export { sha256, sha512 };

// ---- printed ids (dht identity/PrintedId) -------------------------------------------------------
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_DOMAIN = ascii('switchboard-id-checksum');
function crc16(crc, data) {
  for (const x of data) {
    crc ^= x << 8;
    for (let i = 0; i < 8; i++) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) : (crc << 1);
    crc &= 0xffff;
  }
  return crc;
}
function idChecksum(pk, version) {
  const c = crc16(crc16(crc16(0xffff, ID_DOMAIN), [version]), pk);
  return [c >>> 8, c & 0xff];
}
export function printId(pk) {
  const raw = concat(pk, new Uint8Array(idChecksum(pk, 1)), new Uint8Array([1]));
  let s = '', buf = 0, bits = 0;
  for (const x of raw) {
    buf = ((buf << 8) | x) & 0xffff; bits += 8;
    while (bits >= 5) { bits -= 5; s += ALPHABET[(buf >>> bits) & 31]; }
  }
  if (bits > 0) s += ALPHABET[(buf << (5 - bits)) & 31];
  return s;
}
/** The public key of a printed id; throws an Error saying what is wrong. */
export function parseId(text) {
  const s = String(text || '').trim().toLowerCase();
  if (s.length !== 56) throw new Error(`an id is 56 characters, got ${s.length}`);
  const raw = new Uint8Array(35);
  let buf = 0, bits = 0, out = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ALPHABET.indexOf(s[i]);
    if (v < 0) throw new Error(`character '${s[i]}' at position ${i + 1} is not base32`);
    buf = ((buf << 5) | v) & 0xffff; bits += 5;
    if (bits >= 8) { bits -= 8; raw[out++] = (buf >>> bits) & 0xff; }
  }
  if (raw[34] !== 1) throw new Error(`unknown id version ${raw[34]} (expected 1)`);
  const pk = raw.slice(0, 32);
  const sum = idChecksum(pk, 1);
  if (sum[0] !== raw[32] || sum[1] !== raw[33]) throw new Error('checksum mismatch: the id is mistyped');
  return pk;
}
export const nodeIdOf = (pk) => sha256(pk);

// ---- identity -----------------------------------------------------------------------------------
export function publicKeyOf(seed) { return ed25519.getPublicKey(seed); }
export function sign(seed, msg) { return ed25519.sign(msg, seed); }
/**
 * Strict verification, the node's rule (signaling contact/crypto/StrictPublicKeys): RFC 8032
 * encodings (zip215: false) and a prime-order key, so small- and mixed-order keys never verify.
 */
export function validPublicKey(pk) {
  try { const p = ed25519.Point.fromBytes(pk, false); return !p.isSmallOrder() && p.isTorsionFree(); } catch { return false; }
}
export function verify(pk, sig, msg) {
  try { return validPublicKey(pk) && ed25519.verify(sig, msg, pk, { zip215: false }); } catch { return false; }
}
export function newSeed() { return randomBytes(32); }

// ---- gateway authentication ----------------------------------------------------------------------
export const AUTH_DOMAIN = ascii('switchboard/v1/gateway-auth\0');
/** What the browser signs to answer a gateway challenge (see browser-gateway/README.md). */
export function authMessage(nonce, gatewayId, timestampMillis) {
  return concat(AUTH_DOMAIN, nonce, gatewayId, u64(timestampMillis));
}

// ---- AES-256-GCM (WebCrypto) ----------------------------------------------------------------------
async function gcmKey(raw) { return subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']); }
export async function aeadSeal(key, nonce, aad, pt) {
  return new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, await gcmKey(key), pt));
}
export async function aeadOpen(key, nonce, aad, ct) {
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, await gcmKey(key), ct));
  } catch {
    throw new Rejected('FORGED', 'ciphertext altered or not for this key');
  }
}

export class Rejected extends Error {
  constructor(reason, message) { super(message); this.reason = reason; }
}

// ---- key blinding (draft-irtf-cfrg-signature-key-blinding, Ed25519) -------------------------------
const Point = ed25519.Point;
const L = Point.Fn.ORDER;
const mod = (a, m) => ((a % m) + m) % m;
function le(bytes) { let v = 0n; for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]); return v; }
function le32(v) { const b = new Uint8Array(32); for (let i = 0; i < 32; i++) { b[i] = Number(v & 0xffn); v >>= 8n; } return b; }
function blindInput(bk, ctx) { return concat(bk, new Uint8Array([0]), ctx); }

export function blindPublicKey(pk, bk, ctx) {
  const s = mod(le(sha512(blindInput(bk, ctx)).slice(0, 32)), L);
  return Point.fromBytes(pk).multiply(s).toBytes();
}
export function blindKeySign(seed, bk, ctx, msg) {
  const h = sha512(seed);
  const b = sha512(blindInput(bk, ctx));
  const lower = h.slice(0, 32);
  lower[0] &= 0xf8; lower[31] &= 0x7f; lower[31] |= 0x40;
  const s = mod(le(lower) * le(b.slice(0, 32)), L);
  const A = Point.BASE.multiply(s).toBytes();
  const r = mod(le(sha512(concat(h.slice(32), b.slice(32), msg))), L);
  const R = Point.BASE.multiply(r).toBytes();
  const k = mod(le(sha512(concat(R, A, msg))), L);
  return concat(R, le32(mod(r + k * s, L)));
}

// ---- contact records (namespace 2) ----------------------------------------------------------------
export const PERIOD_MILLIS = 24 * 3600 * 1000;
export const WINDOW_MILLIS = 3600 * 1000;
export const TTL_MILLIS = 4 * 3600 * 1000;
export const TRANSPORT = { overlay: 1, direct: 2, gateway: 4, peerjs: 8 };
export const MEDIA = { audio: 1, video: 2, data: 4 };
const NS = ascii('switchboard/v1/contact-record');
const periodAt = (now, pm = PERIOD_MILLIS) => Math.floor(now / pm);
export function publishPeriods(now, pm = PERIOD_MILLIS, wm = WINDOW_MILLIS) {
  const p = periodAt(now, pm);
  return (p + 1) * pm - now <= wm ? [p, p + 1] : [p];
}
export function lookupPeriods(now, pm = PERIOD_MILLIS, wm = WINDOW_MILLIS) {
  const p = periodAt(now, pm);
  return now - p * pm < wm ? [p, p - 1] : [p];
}
/** Everything derived from an identity key for one period (signaling ContactKeys). */
export function contactKeys(pk, period, pm = PERIOD_MILLIS) {
  const bk = sha256(concat(ascii('switchboard/v1/contact-blind-key'), pk));
  const ctx = concat(ascii('switchboard/v1/contact-period'), u64(pm), u64(period));
  const bpk = blindPublicKey(pk, bk, ctx);
  return {
    period, bk, ctx, bpk,
    storageKey: sha256(bpk),
    payloadKey: hkdf(sha256, pk, NS, concat(ascii('payload-key'), u64(pm), u64(period)), 32),
  };
}
export function encodeReachability({ transports, media, routes, endpoints = [] }) {
  const parts = [new Uint8Array([transports, media, routes.length]), ...routes];
  parts.push(new Uint8Array([endpoints.length]));
  for (const e of endpoints) { const h = enc.encode(e.host); parts.push(new Uint8Array([h.length]), h, u16(e.port)); }
  return concat(...parts);
}
function readReachability(r) {
  const transports = r.u8(), media = r.u8();
  const n = r.u8();
  if (n > 16) throw new Error(`${n} routes`);
  const routes = [];
  for (let i = 0; i < n; i++) routes.push(r.bytes(32));
  const m = r.u8();
  if (m > 8) throw new Error(`${m} endpoints`);
  const endpoints = [];
  for (let i = 0; i < m; i++) { const h = dec.decode(r.bytes(r.u8())); endpoints.push({ host: h, port: r.u16() }); }
  return { transports, media, routes, endpoints };
}
class Reader {
  constructor(b) { this.b = b; this.pos = 0; }
  need(n) { if (this.b.length - this.pos < n) throw new Error(`truncated at offset ${this.pos}`); }
  u8() { this.need(1); return this.b[this.pos++]; }
  u16() { this.need(2); const v = (this.b[this.pos] << 8) | this.b[this.pos + 1]; this.pos += 2; return v; }
  u32() { this.need(4); const v = new DataView(this.b.buffer, this.b.byteOffset).getUint32(this.pos); this.pos += 4; return v; }
  s64() { this.need(8); const v = readU64(this.b, this.pos); this.pos += 8; return v; }
  bytes(n) { this.need(n); const v = this.b.slice(this.pos, this.pos + n); this.pos += n; return v; }
  remaining() { return this.b.length - this.pos; }
}
export function encodeContactRecord(reach, seq, expiresAt) {
  return concat(new Uint8Array([1]), u64(seq), u64(expiresAt), encodeReachability(reach));
}
export function decodeContactRecord(b) {
  const r = new Reader(b);
  if (r.u8() !== 1) throw new Error('unknown record version');
  const seq = r.s64(), expiresAt = r.s64();
  const reach = readReachability(r);
  if (r.remaining()) throw new Error('trailing bytes after the record');
  if (!reach.routes.length && !reach.endpoints.length) throw new Error('record has neither routes nor endpoints');
  if (!reach.transports) throw new Error('record lists no signaling transport');
  return { seq, expiresAt, ...reach };
}
function payloadAad(domain, bpk, seq, exp) { return concat(ascii(domain), bpk, u64(seq), u64(exp)); }

/**
 * The DHT records ({key, value}) of one identity's open contact record, as ContactPublisher makes
 * them: blinded, encrypted and signed with the blinded key, here in the page.
 */
export async function sealContactRecords(seed, reach, seq, now, ttl = TTL_MILLIS, pm = PERIOD_MILLIS, wm = WINDOW_MILLIS) {
  const pk = publicKeyOf(seed);
  const out = [];
  for (const p of publishPeriods(now, pm, wm)) {
    const k = contactKeys(pk, p, pm);
    const exp = Math.min(now + ttl, (p + 1) * pm + wm);
    const body = encodeContactRecord(reach, seq, exp);
    const nonce = randomBytes(12);
    const ct = concat(nonce, await aeadSeal(k.payloadKey, nonce, payloadAad('switchboard/v1/contact-payload', k.bpk, seq, exp), concat(new Uint8Array([0]), body)));
    const signed = concat(NS, k.storageKey, u64(seq), u64(exp), ct);
    const sig = blindKeySign(seed, k.bk, k.ctx, signed);
    out.push({ key: k.storageKey, value: concat(k.bpk, u64(seq), u64(exp), u16(ct.length), ct, sig), period: p, expiresAt: exp });
  }
  return out;
}
/** Storage keys to look up for an identity now (current period, and the previous near a boundary). */
export function lookupKeys(pk, now, pm = PERIOD_MILLIS, wm = WINDOW_MILLIS) {
  return lookupPeriods(now, pm, wm).map((p) => contactKeys(pk, p, pm));
}
/** Verifies and decrypts one record value found under keys.storageKey; throws Rejected. */
export async function openContactRecord(keys, value, now) {
  if (value.length > 2048 || value.length < 114) throw new Rejected('FORGED', 'not a well-formed contact record');
  const r = new Reader(value);
  const bpk = r.bytes(32), seq = r.s64(), exp = r.s64(), n = r.u16();
  if (value.length !== 114 + n) throw new Rejected('FORGED', 'length mismatch');
  const ct = r.bytes(n), sig = r.bytes(64);
  if (!equal(bpk, keys.bpk)) throw new Rejected('WRONG_IDENTITY', 'the record belongs to another identity or period');
  if (!verify(bpk, sig, concat(NS, keys.storageKey, u64(seq), u64(exp), ct))) throw new Rejected('FORGED', 'the blinded-key signature does not verify');
  if (exp <= now) throw new Rejected('EXPIRED', 'the record expired');
  const inner = await aeadOpen(keys.payloadKey, ct.slice(0, 12), payloadAad('switchboard/v1/contact-payload', bpk, seq, exp), ct.slice(12));
  if (inner[0] === 1) throw new Rejected('NOT_ALLOWED', 'the record is restricted to an allow list');
  if (inner[0] !== 0) throw new Rejected('FORGED', 'unknown payload mode');
  const rec = decodeContactRecord(inner.slice(1));
  if (rec.seq !== seq || rec.expiresAt !== exp) throw new Rejected('FORGED', 'record seq/expiry disagree with the signed envelope');
  return rec;
}

// ---- signaling envelope (signaling e2e/SignalingEnvelope) -------------------------------------------
const SIG_DOMAIN = ascii('switchboard/signaling-envelope/v1/sig\0');
const KEY_INFO = ascii('switchboard/signaling-envelope/v1/key');
const nonceN = (n) => { const b = new Uint8Array(12); b[11] = n; return b; };
export const OVERHEAD = 66 + 112 + 24 + 16;
export function looksLikeEnvelope(b) { return b.length >= 2 && b[0] === 1 && b[1] === 1; }
export function envelopeRecipientId(b) { return b.slice(2, 34); }

export async function sealEnvelope(seed, recipientPk, timestampMillis, plaintext, messageId = randomBytes(16), forgeSigner = null) {
  const senderPk = publicKeyOf(seed);
  const rx = ed25519.utils.toMontgomery(recipientPk);
  const eph = randomBytes(32);
  const ephPub = x25519.getPublicKey(eph);
  const shared = x25519.getSharedSecret(eph, rx);
  const key = hkdf(sha256, shared, concat(ephPub, rx), KEY_INFO, 32);
  const header = concat(new Uint8Array([1, 1]), sha256(recipientPk), ephPub);
  const ct = await aeadSeal(key, nonceN(1), header, concat(u64(timestampMillis), messageId, plaintext));
  const transcript = concat(SIG_DOMAIN, senderPk, recipientPk, ephPub, u64(timestampMillis), messageId, ct);
  const sig = forgeSigner ? forgeSigner(transcript) : sign(seed, transcript);
  const seal = await aeadSeal(key, nonceN(2), concat(header, ct), concat(senderPk, sig));
  return concat(header, seal, ct);
}
/** {senderPk, timestamp, messageId, body}; throws Rejected(MALFORMED | NOT_FOR_US | FORGED). */
export async function openEnvelope(seed, env) {
  if (env.length < OVERHEAD || env.length > 65536) throw new Rejected('MALFORMED', `envelope of ${env.length} bytes`);
  if (!looksLikeEnvelope(env)) throw new Rejected('MALFORMED', 'unknown envelope version/kind');
  const pk = publicKeyOf(seed);
  if (!equal(env.slice(2, 34), sha256(pk))) throw new Rejected('NOT_FOR_US', 'addressed to another identity');
  const header = env.slice(0, 66), ephPub = env.slice(34, 66);
  const xsk = sha512(seed).slice(0, 32);
  let shared;
  try { shared = x25519.getSharedSecret(xsk, ephPub); } catch { throw new Rejected('FORGED', 'low-order ephemeral key'); }
  const key = hkdf(sha256, shared, concat(ephPub, x25519.getPublicKey(xsk)), KEY_INFO, 32);
  const ct = env.slice(66 + 112);
  const seal = await aeadOpen(key, nonceN(2), concat(header, ct), env.slice(66, 66 + 112));
  const inner = await aeadOpen(key, nonceN(1), header, ct);
  const senderPk = seal.slice(0, 32), sig = seal.slice(32);
  const timestamp = readU64(inner, 0), messageId = inner.slice(8, 24), body = inner.slice(24);
  if (!verify(senderPk, sig, concat(SIG_DOMAIN, senderPk, pk, ephPub, u64(timestamp), messageId, ct))) {
    const e = new Rejected('FORGED', 'sender signature does not verify');
    e.claimedSender = senderPk;
    throw e;
  }
  return { senderPk, timestamp, messageId, body };
}
/**
 * Time window and replay check, bounded like signaling e2e/ReplayGuard: each sender has its own
 * ids (at most perSender) and floor (timestamps at or before a forgotten id are refused from that
 * sender only), at most maxSenders senders (a new one is refused BUSY while full) and total ids.
 */
export class ReplayGuard {
  constructor(past = 120000, future = 60000, perSender = 1024, maxSenders = 4096, total = 65536) {
    Object.assign(this, { past, future, perSender, maxSenders, total });
    this.senders = new Map(); // sender hex -> { ids: Map(id hex -> timestamp), floor }
    this.size = 0;
    this.lastSweep = -Infinity;
  }
  check(opened, now) {
    const t = opened.timestamp;
    if (t < now - this.past || t > now + this.future) throw new Rejected('STALE', 'timestamp outside the window');
    this.sweep(now);
    const sk = hex(opened.senderPk), id = hex(opened.messageId);
    let w = this.senders.get(sk);
    if (w) {
      if (t <= w.floor) throw new Rejected('STALE', "timestamp not newer than this sender's forgotten ids");
      if (w.ids.has(id)) throw new Rejected('REPLAYED', 'message seen before');
    } else {
      if (this.senders.size >= this.maxSenders) throw new Rejected('BUSY', 'too many senders; new ones wait');
      w = { ids: new Map(), floor: -Infinity };
      this.senders.set(sk, w);
    }
    if (w.ids.size >= this.perSender) this.forgetOldest(w);
    else if (this.size >= this.total) this.forgetOldest([...this.senders.values()].reduce((a, b) => (b.ids.size > a.ids.size ? b : a)));
    w.ids.set(id, t);
    this.size++;
  }
  forgetOldest(w) {
    let oldest = null;
    for (const [k, ts] of w.ids) if (oldest === null || ts < w.ids.get(oldest)) oldest = k;
    w.floor = Math.max(w.floor, w.ids.get(oldest));
    w.ids.delete(oldest);
    this.size--;
  }
  /** Expires old ids and drops senders with none left whose floor is out of the window; once a second. */
  sweep(now) {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [sk, w] of this.senders) {
      for (const [k, ts] of w.ids) if (ts < now - this.past) { w.ids.delete(k); this.size--; }
      if (w.ids.size === 0 && w.floor < now - this.past) this.senders.delete(sk);
    }
  }
}

// ---- call messages (signaling call/CallMessageCodec) ------------------------------------------------
export const CALL = { RING: 1, ACCEPT: 2, REJECT: 3, BUSY: 4, CANCEL: 5, HANGUP: 6, ICE: 7 };
const CALL_NAMES = Object.fromEntries(Object.entries(CALL).map(([k, v]) => [v, k]));
function longString(s) { const b = enc.encode(s); if (b.length > 60000) throw new Error('string too long'); return concat(u32(b.length), b); }
function shortString(s) { const b = enc.encode(s); return concat(u16(b.length), b); }
export function encodeCall(m) {
  const parts = [new Uint8Array([1, CALL[m.type]]), m.callId];
  if (m.type === 'RING') parts.push(encodeReachability(m.replyTo), longString(m.sdp));
  else if (m.type === 'ACCEPT') parts.push(longString(m.sdp));
  else if (m.type === 'ICE') parts.push(shortString(m.mid || ''), u16(m.mLineIndex == null || m.mLineIndex < 0 ? 0xffff : m.mLineIndex), longString(m.candidate || ''));
  return concat(...parts);
}
export function decodeCall(b) {
  const r = new Reader(b);
  if (r.u8() !== 1) throw new Error('unknown call message version');
  const type = CALL_NAMES[r.u8()];
  if (!type) throw new Error('unknown call message type');
  const m = { type, callId: r.bytes(16) };
  const str = (n) => { if (n > 60000) throw new Error('string too long'); return dec.decode(r.bytes(n)); };
  if (type === 'RING') { m.replyTo = readReachability(r); m.sdp = str(r.u32()); }
  else if (type === 'ACCEPT') m.sdp = str(r.u32());
  else if (type === 'ICE') { m.mid = str(r.u16()); const i = r.u16(); m.mLineIndex = i === 0xffff ? -1 : i; m.candidate = str(r.u32()); }
  if (r.remaining()) throw new Error('trailing bytes');
  return m;
}

// ---- SDP fingerprints (signaling e2e/SdpFingerprints) ----------------------------------------------
const DIGEST_BYTES = { 'sha-1': 20, 'sha-224': 28, 'sha-256': 32, 'sha-384': 48, 'sha-512': 64 };
export function fingerprints(sdp) {
  const out = [];
  for (const line of sdp.split(/\r?\n/)) {
    if (line.toLowerCase().startsWith('a=fingerprint:')) {
      const parts = line.substring(14).trim().split(/\s+/);
      out.push(parts.length === 2 ? { alg: parts[0].toLowerCase(), value: parts[1].toUpperCase() } : { alg: '', value: line.substring(14).trim() });
    }
  }
  return out;
}
/** Null when the SDP carries well-formed, equal fingerprints of a known hash; otherwise why not. */
export function fingerprintProblem(sdp) {
  const fps = fingerprints(sdp);
  if (!fps.length) return 'SDP has no DTLS fingerprint';
  for (const f of fps) {
    const n = DIGEST_BYTES[f.alg];
    if (!n) return `unknown fingerprint hash '${f.alg}'`;
    if (!/^[0-9A-F]{2}(:[0-9A-F]{2})*$/.test(f.value) || f.value.length !== n * 3 - 1) return `malformed ${f.alg} fingerprint`;
    if (f.alg !== fps[0].alg || f.value !== fps[0].value) return 'SDP sections carry different fingerprints';
  }
  return null;
}

// ---- contact verification ------------------------------------------------------------------------
/** Safety number of two identities: 12 groups of 5 digits, the same on both sides. */
export function safetyNumber(pkA, pkB) {
  const [a, b] = hex(pkA) < hex(pkB) ? [pkA, pkB] : [pkB, pkA];
  const h = sha512(concat(ascii('switchboard/v1/safety-number'), a, b));
  const groups = [];
  for (let i = 0; i < 12; i++) {
    const v = ((h[5 * i] * 2 ** 32) + (h[5 * i + 1] << 24 >>> 0) + (h[5 * i + 2] << 16) + (h[5 * i + 3] << 8) + h[5 * i + 4]) % 100000;
    groups.push(String(v).padStart(5, '0'));
  }
  return groups.join(' ');
}
export const VERIFY_DOMAIN = ascii('switchboard/v1/verify-contact\0');
export function verifyMessage(nonce, challengerPk, responderPk) { return concat(VERIFY_DOMAIN, nonce, challengerPk, responderPk); }
