// Interop driver for the Java tests: reads one JSON command on stdin, answers one JSON line.
// make:  {op:'make', seed, route, recipient, plaintext, now}   -> {pk, records:[{key,value}], envelope}
// open:  {op:'open', seed, envelope}                           -> {sender, body, call}
// record:{op:'record', pk, key, value, now}                    -> the decoded contact record
// keys:  {op:'keys', keys:[hex]} -> {valid:[bool]} (the page's strict key rule)
// flood: {op:'flood', now, count}  -> one sender floods dated 59 s ahead, then a fresh sender: {size, honest, flooderNow}
import * as c from '../src/core.js';

const input = JSON.parse(await new Promise((resolve) => {
  let s = '';
  process.stdin.on('data', (d) => { s += d; });
  process.stdin.on('end', () => resolve(s));
}));
const out = {};
if (input.op === 'make') {
  const seed = c.unhex(input.seed);
  out.pk = c.hex(c.publicKeyOf(seed));
  out.printed = c.printId(c.publicKeyOf(seed));
  const recs = await c.sealContactRecords(seed, { transports: c.TRANSPORT.gateway, media: 7, routes: [c.unhex(input.route)] }, input.now, input.now);
  out.records = recs.map((r) => ({ key: c.hex(r.key), value: c.b64(r.value) }));
  out.envelope = c.b64(await c.sealEnvelope(seed, c.unhex(input.recipient), input.now, c.unb64(input.plaintext)));
  out.auth = c.b64(c.sign(seed, c.authMessage(c.unhex(input.nonce), c.unhex(input.route), input.now)));
} else if (input.op === 'open') {
  const o = await c.openEnvelope(c.unhex(input.seed), c.unb64(input.envelope));
  out.sender = c.hex(o.senderPk);
  out.body = c.b64(o.body);
  const m = c.decodeCall(o.body);
  out.call = { type: m.type, callId: c.hex(m.callId), sdp: m.sdp, routes: m.replyTo && m.replyTo.routes.map(c.hex), transports: m.replyTo && m.replyTo.transports };
  out.reencoded = c.b64(c.encodeCall(m));
} else if (input.op === 'record') {
  const pk = c.unhex(input.pk);
  const keys = c.lookupKeys(pk, input.now).find((k) => c.hex(k.storageKey) === input.key);
  const r = await c.openContactRecord(keys, c.unb64(input.value), input.now);
  out.record = { seq: r.seq, expiresAt: r.expiresAt, transports: r.transports, media: r.media, routes: r.routes.map(c.hex) };
} else if (input.op === 'keys') {
  out.valid = input.keys.map((k) => c.validPublicKey(c.unhex(k)));
} else if (input.op === 'flood') {
  const g = new c.ReplayGuard();
  const sender = (n) => Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? n : 0));
  const msg = (n, t, i) => ({ senderPk: sender(n), timestamp: t, messageId: c.u64(BigInt(i)) });
  const outcome = (f) => { try { f(); return 'ACCEPTED'; } catch (e) { return e.reason || String(e); } };
  for (let i = 0; i < input.count; i++) g.check(msg(1, input.now + 59000 + Math.floor(i / 1000), i), input.now);
  out.size = g.size;
  out.honest = outcome(() => g.check(msg(2, input.now, 0), input.now));
  out.flooderNow = outcome(() => g.check(msg(1, input.now, input.count + 1), input.now));
}
process.stdout.write(JSON.stringify(out) + '\n');
