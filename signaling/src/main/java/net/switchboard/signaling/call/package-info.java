/**
 * Calls between identities: {@link net.switchboard.signaling.call.CallSession} is the pure state
 * machine of one call (ring, accept, reject, busy, cancel, hangup, timeout, glare, trickle ICE with
 * staged disclosure), {@link net.switchboard.signaling.call.CallPolicy} decides before the callee
 * reveals anything, and {@link net.switchboard.signaling.call.CallManager} ties one local identity's
 * calls to the envelopes (package {@code e2e}) and transports (package {@code transport}). The
 * WebRTC engine sits behind {@link net.switchboard.signaling.call.MediaEngine}; time comes from the
 * dht {@link net.switchboard.seam.Scheduler}, randomness is injected.
 */
package net.switchboard.signaling.call;
