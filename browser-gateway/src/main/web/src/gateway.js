// WebSocket client of the gateway API (browser-gateway/README.md): challenge-response login,
// publish/get contact records, send envelopes and receive (and acknowledge) envelopes.
import * as c from './core.js';

export class GatewayClient {
  constructor(url, identity, { onEnvelope, onStatus, onRefresh }) {
    this.url = url;
    this.identity = identity;
    this.onEnvelope = onEnvelope;
    this.onStatus = onStatus || (() => {});
    this.onRefresh = onRefresh || (() => {});
    this.rid = 0;
    this.waiting = new Map();
    this.gatewayId = null;
    this.closed = false;
    this.backoff = 1000;
  }

  /** Connects and authenticates; resolves with the gateway's node id (hex). */
  connect() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      this.ws = ws;
      let ready = false;
      ws.onmessage = async (ev) => {
        const m = JSON.parse(ev.data);
        if (m.t === 'challenge') {
          const nonce = c.unb64(m.nonce);
          const sig = await this.identity.signAuth(c.authMessage(nonce, c.unhex(m.gateway), m.ts));
          ws.send(JSON.stringify({ t: 'auth', pk: c.b64(this.identity.pk), nonce: m.nonce, ts: m.ts, sig: c.b64(sig) }));
        } else if (m.t === 'ready') {
          ready = true;
          this.gatewayId = m.gateway;
          this.backoff = 1000;
          this.onStatus('connected', m);
          resolve(m.gateway);
        } else if (m.t === 'env') {
          let acked = false;
          this.onEnvelope(c.unb64(m.env), () => {
            if (!acked && ws.readyState === 1) { acked = true; ws.send(JSON.stringify({ t: 'ack', aid: m.aid })); }
          });
        } else if (m.t === 'refresh') {
          this.onRefresh();
        } else if (m.rid != null && this.waiting.has(m.rid)) {
          const w = this.waiting.get(m.rid);
          this.waiting.delete(m.rid);
          if (m.t === 'error') w.reject(Object.assign(new Error(m.message), { code: m.code }));
          else w.resolve(m);
        } else if (m.t === 'error' && !ready) {
          this.onStatus('refused', m);
          reject(Object.assign(new Error(m.message), { code: m.code }));
        } else if (m.t === 'error') {
          this.onStatus('error', m);
        }
      };
      ws.onclose = () => {
        for (const w of this.waiting.values()) w.reject(new Error('gateway connection closed'));
        this.waiting.clear();
        if (!ready) reject(new Error('could not connect to the gateway'));
        this.onStatus('disconnected');
        if (!this.closed) {
          setTimeout(() => this.connect().catch(() => {}), this.backoff);
          this.backoff = Math.min(this.backoff * 2, 15000);
        }
      };
    });
  }

  close() { this.closed = true; if (this.ws) this.ws.close(); }

  request(msg, timeoutMs = 30000) {
    const rid = ++this.rid;
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== 1) { reject(new Error('not connected to the gateway')); return; }
      this.waiting.set(rid, { resolve, reject });
      this.ws.send(JSON.stringify({ ...msg, rid }));
      setTimeout(() => { if (this.waiting.delete(rid)) reject(new Error('the gateway did not answer')); }, timeoutMs);
    });
  }

  async publish(records) {
    return this.request({ t: 'publish', records: records.map((r) => ({ key: c.hex(r.key), value: c.b64(r.value) })) });
  }

  /** Record values (Uint8Array or null) found under each storage key. */
  async get(keys) {
    const m = await this.request({ t: 'get', keys: keys.map(c.hex) });
    return m.values.map((v) => (v ? c.unb64(v) : null));
  }

  /** Sends an envelope; resolves when the recipient (page or node) acknowledged, rejects otherwise. */
  async send(routesHex, env) {
    const m = await this.request({ t: 'send', routes: routesHex, env: c.b64(env) });
    if (!m.ok) throw new Error(m.error || 'not delivered');
  }
}
