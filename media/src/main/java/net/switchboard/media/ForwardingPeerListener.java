package net.switchboard.media;

import net.switchboard.signaling.call.IceCandidate;

/**
 * A {@link PeerListener} that passes every event on to another; decorators override only the
 * events they add to.
 */
public class ForwardingPeerListener implements PeerListener {
  /** Where events go. */
  protected final PeerListener delegate;

  public ForwardingPeerListener(PeerListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onLocalCandidate(IceCandidate candidate) {
    delegate.onLocalCandidate(candidate);
  }

  @Override
  public void onOpen() {
    delegate.onOpen();
  }

  @Override
  public void onText(String text) {
    delegate.onText(text);
  }

  @Override
  public void onFileReceived(FileTransfer file) {
    delegate.onFileReceived(file);
  }

  @Override
  public void onFileFailed(String name, String reason) {
    delegate.onFileFailed(name, reason);
  }

  @Override
  public void onAudioHeard() {
    delegate.onAudioHeard();
  }

  @Override
  public void onConnectionState(String state) {
    delegate.onConnectionState(state);
  }

  @Override
  public void onClosed(String reason) {
    delegate.onClosed(reason);
  }
}
