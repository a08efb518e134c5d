package net.switchboard.overlay.calls;

import java.net.URI;
import java.nio.file.Path;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.call.CallConfig;
import net.switchboard.signaling.call.CallPolicy;

/**
 * How a node takes part in calls.
 *
 * @param person the identity calls are placed and answered as (null: the node's own identity)
 * @param policy who may ring, and what is accepted without asking
 * @param dataDir where {@code received/} and {@code recordings/} are kept; null keeps nothing
 *     (incoming files are refused, nothing is recorded)
 * @param loopbackMedia announce 127.0.0.1 in ICE candidates (a node bound to loopback)
 * @param direct listen for {@code direct} signaling on TCP at the node's UDP port number
 * @param advertiseDirect name that endpoint in what this node tells others (reveals its address)
 * @param peerJsUrl a PeerJS server to take signaling through as well, or null
 * @param peerJsKey that server's key
 * @param sendAudio negotiate an audio track on outgoing calls, to send audio
 * @param callConfig ring and connect timeouts
 */
public record CallSettings(
    Identity person,
    CallPolicy policy,
    Path dataDir,
    boolean loopbackMedia,
    boolean direct,
    boolean advertiseDirect,
    URI peerJsUrl,
    String peerJsKey,
    boolean sendAudio,
    CallConfig callConfig) {

  /** The node's identity, ring for everyone, nothing kept, direct listening but not advertised. */
  public static CallSettings defaults() {
    return new CallSettings(null, CallPolicy.ringAll(), null, false, true, false, null, "peerjs", false,
        CallConfig.defaults());
  }

  public CallSettings withPerson(Identity v) {
    return new CallSettings(v, policy, dataDir, loopbackMedia, direct, advertiseDirect, peerJsUrl, peerJsKey, sendAudio, callConfig);
  }

  public CallSettings withPolicy(CallPolicy v) {
    return new CallSettings(person, v, dataDir, loopbackMedia, direct, advertiseDirect, peerJsUrl, peerJsKey, sendAudio, callConfig);
  }

  public CallSettings withDataDir(Path v) {
    return new CallSettings(person, policy, v, loopbackMedia, direct, advertiseDirect, peerJsUrl, peerJsKey, sendAudio, callConfig);
  }

  public CallSettings withLoopbackMedia(boolean v) {
    return new CallSettings(person, policy, dataDir, v, direct, advertiseDirect, peerJsUrl, peerJsKey, sendAudio, callConfig);
  }

  public CallSettings withDirect(boolean listen, boolean advertise) {
    return new CallSettings(person, policy, dataDir, loopbackMedia, listen, advertise, peerJsUrl, peerJsKey, sendAudio, callConfig);
  }

  public CallSettings withPeerJs(URI url, String key) {
    return new CallSettings(person, policy, dataDir, loopbackMedia, direct, advertiseDirect, url, key, sendAudio, callConfig);
  }

  public CallSettings withSendAudio(boolean v) {
    return new CallSettings(person, policy, dataDir, loopbackMedia, direct, advertiseDirect, peerJsUrl, peerJsKey, v, callConfig);
  }

  public CallSettings withCallConfig(CallConfig v) {
    return new CallSettings(person, policy, dataDir, loopbackMedia, direct, advertiseDirect, peerJsUrl, peerJsKey, sendAudio, v);
  }
}
