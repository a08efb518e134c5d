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
    return builder().build();
  }

  public CallSettings withPerson(Identity v) {
    return toBuilder().person(v).build();
  }

  public CallSettings withPolicy(CallPolicy v) {
    return toBuilder().policy(v).build();
  }

  public CallSettings withDataDir(Path v) {
    return toBuilder().dataDir(v).build();
  }

  public CallSettings withLoopbackMedia(boolean v) {
    return toBuilder().loopbackMedia(v).build();
  }

  public CallSettings withDirect(boolean listen, boolean advertise) {
    return toBuilder().direct(listen).advertiseDirect(advertise).build();
  }

  public CallSettings withPeerJs(URI url, String key) {
    return toBuilder().peerJsUrl(url).peerJsKey(key).build();
  }

  public CallSettings withSendAudio(boolean v) {
    return toBuilder().sendAudio(v).build();
  }

  public CallSettings withCallConfig(CallConfig v) {
    return toBuilder().callConfig(v).build();
  }

  /** A builder holding the defaults; set what differs by name. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.person = person;
    b.policy = policy;
    b.dataDir = dataDir;
    b.loopbackMedia = loopbackMedia;
    b.direct = direct;
    b.advertiseDirect = advertiseDirect;
    b.peerJsUrl = peerJsUrl;
    b.peerJsKey = peerJsKey;
    b.sendAudio = sendAudio;
    b.callConfig = callConfig;
    return b;
  }

  /** Named settings of a {@link CallSettings}; {@link #build} checks them. */
  public static final class Builder {
    private Identity person = null;
    private CallPolicy policy = CallPolicy.ringAll();
    private Path dataDir = null;
    private boolean loopbackMedia = false;
    private boolean direct = true;
    private boolean advertiseDirect = false;
    private URI peerJsUrl = null;
    private String peerJsKey = "peerjs";
    private boolean sendAudio = false;
    private CallConfig callConfig = CallConfig.defaults();

    private Builder() {}

    public Builder person(Identity v) {
      this.person = v;
      return this;
    }

    public Builder policy(CallPolicy v) {
      this.policy = v;
      return this;
    }

    public Builder dataDir(Path v) {
      this.dataDir = v;
      return this;
    }

    public Builder loopbackMedia(boolean v) {
      this.loopbackMedia = v;
      return this;
    }

    public Builder direct(boolean v) {
      this.direct = v;
      return this;
    }

    public Builder advertiseDirect(boolean v) {
      this.advertiseDirect = v;
      return this;
    }

    public Builder peerJsUrl(URI v) {
      this.peerJsUrl = v;
      return this;
    }

    public Builder peerJsKey(String v) {
      this.peerJsKey = v;
      return this;
    }

    public Builder sendAudio(boolean v) {
      this.sendAudio = v;
      return this;
    }

    public Builder callConfig(CallConfig v) {
      this.callConfig = v;
      return this;
    }

    /** @throws IllegalArgumentException naming the first setting out of range */
    public CallSettings build() {
      return new CallSettings(person, policy, dataDir, loopbackMedia, direct, advertiseDirect, peerJsUrl, peerJsKey, sendAudio, callConfig);
    }
  }
}
