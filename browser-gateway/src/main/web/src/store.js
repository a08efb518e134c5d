// Identity and contacts in IndexedDB. The Ed25519 seed is kept encrypted under a non-extractable
// AES-GCM key (a CryptoKey stored by structured clone: script can use it, never read it); the
// auth-signing key is a non-extractable WebCrypto Ed25519 key where the browser supports it.
// The seed itself must reach page memory to blind and to open envelopes (X25519 from the seed).
import * as c from './core.js';

const DB = 'switchboard';
const STORE = 'kv';
const subtle = crypto.subtle;

function openDb() {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}
async function tx(mode, fn) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const req = fn(t.objectStore(STORE));
    t.oncomplete = () => { db.close(); resolve(req && req.result); };
    t.onerror = () => { db.close(); reject(t.error); };
  });
}
export const get = (k) => tx('readonly', (s) => s.get(k));
export const put = (k, v) => tx('readwrite', (s) => s.put(v, k));
export const del = (k) => tx('readwrite', (s) => s.delete(k));

const PKCS8_ED25519 = c.unhex('302e020100300506032b657004220420');

async function importAuthKey(seed) {
  try {
    return await subtle.importKey('pkcs8', c.concat(PKCS8_ED25519, seed), { name: 'Ed25519' }, false, ['sign']);
  } catch {
    return null; // no WebCrypto Ed25519 here: sign with @noble/curves
  }
}

async function saveSeed(seed) {
  const wrapKey = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = c.randomBytes(12);
  const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, wrapKey, seed));
  const authKey = await importAuthKey(seed);
  await put('identity', { v: 1, wrapKey, iv, ct, pk: c.publicKeyOf(seed), authKey });
}

/** {seed, pk, signAuth(msg)}: the stored identity, created on first use. */
export async function loadIdentity() {
  let rec = await get('identity');
  if (!rec) {
    await saveSeed(c.newSeed());
    rec = await get('identity');
  }
  const seed = new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: rec.iv }, rec.wrapKey, rec.ct));
  return identityOf(seed, rec.authKey);
}
function identityOf(seed, authKey) {
  const pk = c.publicKeyOf(seed);
  return {
    seed, pk, authKey,
    async signAuth(msg) {
      if (authKey) {
        try { return new Uint8Array(await subtle.sign({ name: 'Ed25519' }, authKey, msg)); } catch { /* fall through */ }
      }
      return c.sign(seed, msg);
    },
  };
}

const BACKUP_PREFIX = 'switchboard-backup-v1:';
async function passKey(passphrase, salt) {
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', salt, iterations: 310000, hash: 'SHA-256' }, base,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}
/** A text backup of identity and contacts, encrypted under the passphrase (PBKDF2 + AES-GCM). */
export async function exportBackup(identity, contacts, passphrase) {
  if (!passphrase || passphrase.length < 8) throw new Error('choose a passphrase of at least 8 characters');
  const salt = c.randomBytes(16), iv = c.randomBytes(12);
  const body = new TextEncoder().encode(JSON.stringify({ v: 1, seed: c.b64(identity.seed), contacts }));
  const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, await passKey(passphrase, salt), body));
  return BACKUP_PREFIX + c.b64(c.concat(salt, iv, ct));
}
/** Restores a backup (replacing the identity); returns the contacts it carried. */
export async function importBackup(text, passphrase) {
  const t = String(text || '').trim();
  if (!t.startsWith(BACKUP_PREFIX)) throw new Error('not a Switchboard backup');
  const raw = c.unb64(t.substring(BACKUP_PREFIX.length));
  let body;
  try {
    body = await subtle.decrypt({ name: 'AES-GCM', iv: raw.slice(16, 28) }, await passKey(passphrase, raw.slice(0, 16)), raw.slice(28));
  } catch {
    throw new Error('wrong passphrase or damaged backup');
  }
  const data = JSON.parse(new TextDecoder().decode(body));
  await saveSeed(c.unb64(data.seed));
  await put('contacts', data.contacts || []);
  return data.contacts || [];
}
export async function loadContacts() { return (await get('contacts')) || []; }
export async function saveContacts(list) { await put('contacts', list); }
export async function loadSettings() { return (await get('settings')) || { allowListOnly: false }; }
export async function saveSettings(s) { await put('settings', s); }
