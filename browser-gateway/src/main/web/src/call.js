// One WebRTC peer connection: data channels 'chat' (text) and 'file' (the Java node's protocol:
// "FILE\t<size>\t<sha256>\t<name>", binary chunks, "OK\t<sha>" | "ERR\t<sha>\t<why>"), plus 'ctl'
// (JSON between pages: contact verification), optional audio/video and screen sharing.
import * as c from './core.js';

const CHUNK = 16 * 1024;
const HIGH_WATER = 1024 * 1024;

export class Call {
  constructor({ role, peerPk, callId, media, events }) {
    this.role = role;
    this.peerPk = peerPk;
    this.callId = callId;
    this.media = media; // {audio, video}
    this.ev = events;
    this.pc = new RTCPeerConnection({ iceServers: [] });
    this.channels = {};
    this.pendingIce = [];
    this.remoteSet = false;
    this.signedFingerprint = null;
    this.incomingFile = null;
    this.sendQueue = Promise.resolve();
    this.t0 = performance.now();
    this.pc.ontrack = (e) => this.ev.onTrack(e.streams[0] || new MediaStream([e.track]));
    this.pc.ondatachannel = (e) => this.attach(e.channel);
    this.pc.onconnectionstatechange = () => {
      const s = this.pc.connectionState;
      if (s === 'connected') this.checkDtlsFingerprint();
      if (s === 'failed') this.ev.onFailed('the connection failed (ICE or DTLS)');
      if (s === 'disconnected' || s === 'closed') this.ev.onConnection(s);
    };
  }

  async addLocalMedia() {
    if (!this.media.audio && !this.media.video) return null;
    this.localStream = await navigator.mediaDevices.getUserMedia({ audio: !!this.media.audio, video: !!this.media.video });
    for (const t of this.localStream.getTracks()) this.pc.addTrack(t, this.localStream);
    return this.localStream;
  }

  createChannels() {
    for (const label of ['chat', 'file', 'ctl']) this.attach(this.pc.createDataChannel(label, { ordered: true }));
  }

  attach(ch) {
    ch.binaryType = 'arraybuffer';
    this.channels[ch.label] = ch;
    ch.bufferedAmountLowThreshold = 256 * 1024;
    ch.onopen = () => {
      if (ch.label === 'chat') { this.openMillis = performance.now() - this.t0; this.ev.onOpen(this.openMillis); }
    };
    ch.onclose = () => { if (ch.label === 'chat') this.ev.onConnection('closed'); };
    ch.onmessage = (e) => {
      try {
        if (ch.label === 'chat') this.ev.onChat(typeof e.data === 'string' ? e.data : new TextDecoder().decode(e.data));
        else if (ch.label === 'file') this.onFileMessage(e.data);
        else if (ch.label === 'ctl') this.ev.onControl(JSON.parse(e.data));
      } catch (err) { console.warn('data channel message', err); }
    };
  }

  /** Creates the local description and waits (briefly) for ICE gathering, so one message carries it. */
  async localDescription(offer) {
    const d = offer ? await this.pc.createOffer() : await this.pc.createAnswer();
    await this.pc.setLocalDescription(d);
    if (this.pc.iceGatheringState !== 'complete') {
      await new Promise((resolve) => {
        const done = () => { if (this.pc.iceGatheringState === 'complete') resolve(); };
        this.pc.addEventListener('icegatheringstatechange', done);
        setTimeout(resolve, 2000);
      });
    }
    return this.pc.localDescription.sdp;
  }

  async setRemote(type, sdp) {
    const fp = c.fingerprints(sdp)[0];
    this.signedFingerprint = fp;
    await this.pc.setRemoteDescription({ type, sdp });
    this.remoteSet = true;
    for (const cand of this.pendingIce.splice(0)) await this.addIce(cand);
  }

  async addIce(m) {
    if (!this.remoteSet) { this.pendingIce.push(m); return; }
    if (!m.candidate) return;
    try {
      await this.pc.addIceCandidate({ candidate: m.candidate, sdpMid: m.mid || null, sdpMLineIndex: m.mLineIndex >= 0 ? m.mLineIndex : null });
    } catch (e) { console.warn('bad candidate', e); }
  }

  /**
   * After DTLS: the certificate the peer actually presented must match the fingerprint in its signed
   * SDP (WebRTC enforces this too; checking here names the failure in the page).
   */
  async checkDtlsFingerprint() {
    try {
      const stats = await this.pc.getStats();
      let certId = null;
      stats.forEach((s) => { if (s.type === 'transport' && s.remoteCertificateId) certId = s.remoteCertificateId; });
      const cert = certId && stats.get(certId);
      if (cert && this.signedFingerprint) {
        const same = cert.fingerprintAlgorithm.toLowerCase() === this.signedFingerprint.alg
          && cert.fingerprint.toUpperCase() === this.signedFingerprint.value;
        this.dtlsChecked = same;
        if (!same) this.ev.onFailed('the DTLS certificate differs from the fingerprint the peer signed');
      }
    } catch (e) { console.warn('getStats', e); }
  }

  sendChat(text) { this.channels.chat.send(text); }
  sendControl(obj) { if (this.channels.ctl && this.channels.ctl.readyState === 'open') this.channels.ctl.send(JSON.stringify(obj)); }

  /** Sends a File/Blob on the 'file' channel; onProgress(sentBytes, total). Resolves on the receiver's OK. */
  sendFile(file, onProgress) {
    const ch = this.channels.file;
    const run = async () => {
      const data = new Uint8Array(await file.arrayBuffer());
      const sha = c.hex(new Uint8Array(await crypto.subtle.digest('SHA-256', data)));
      const reply = new Promise((resolve, reject) => { this.fileReply = { sha, resolve, reject }; });
      ch.send(`FILE\t${data.length}\t${sha}\t${(file.name || 'file').replace(/[\t\n]/g, ' ')}`);
      for (let off = 0; off < data.length; off += CHUNK) {
        if (ch.bufferedAmount > HIGH_WATER) {
          await new Promise((r) => { ch.onbufferedamountlow = () => { ch.onbufferedamountlow = null; r(); }; });
        }
        if (ch.readyState !== 'open') throw new Error('the data channel closed');
        ch.send(data.subarray(off, Math.min(off + CHUNK, data.length)));
        onProgress(Math.min(off + CHUNK, data.length), data.length);
      }
      if (!data.length) onProgress(0, 0);
      return reply;
    };
    this.sendQueue = this.sendQueue.then(run, run);
    return this.sendQueue;
  }

  onFileMessage(data) {
    if (typeof data === 'string') {
      const f = data.split('\t');
      if (f[0] === 'FILE') {
        this.incomingFile = { size: Number(f[1]), sha: f[2].toLowerCase(), name: f.slice(3).join('\t'), chunks: [], received: 0 };
        this.ev.onFileProgress(this.incomingFile);
        if (this.incomingFile.size === 0) this.finishFile();
      } else if ((f[0] === 'OK' || f[0] === 'ERR') && this.fileReply && f[1] === this.fileReply.sha) {
        const r = this.fileReply;
        this.fileReply = null;
        if (f[0] === 'OK') r.resolve(f[1]); else r.reject(new Error(f[2] || 'refused'));
      }
      return;
    }
    const inc = this.incomingFile;
    if (!inc) return;
    inc.chunks.push(new Uint8Array(data));
    inc.received += data.byteLength;
    this.ev.onFileProgress(inc);
    if (inc.received >= inc.size) this.finishFile();
  }

  async finishFile() {
    const inc = this.incomingFile;
    this.incomingFile = null;
    const blob = new Blob(inc.chunks);
    const sha = c.hex(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())));
    const ok = sha === inc.sha && inc.received === inc.size;
    this.channels.file.send(ok ? `OK\t${inc.sha}` : `ERR\t${inc.sha}\tchecksum mismatch`);
    this.ev.onFile({ name: inc.name, size: inc.received, sha, ok, blob });
  }

  /** Replaces the outgoing camera with the screen (and back when the user stops sharing). */
  async shareScreen() {
    const sender = this.pc.getSenders().find((s) => s.track && s.track.kind === 'video');
    if (!sender) throw new Error('start a video call to share your screen');
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
    const track = screen.getVideoTracks()[0];
    const camera = sender.track;
    await sender.replaceTrack(track);
    track.onended = () => sender.replaceTrack(camera).catch(() => {});
    return track;
  }

  close() {
    try { for (const ch of Object.values(this.channels)) ch.close(); } catch { /* closing */ }
    try { this.pc.close(); } catch { /* closing */ }
    if (this.localStream) for (const t of this.localStream.getTracks()) t.stop();
  }
}
