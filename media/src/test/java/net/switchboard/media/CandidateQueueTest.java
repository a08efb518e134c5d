package net.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.switchboard.signaling.call.IceCandidate;
import org.junit.jupiter.api.Test;

class CandidateQueueTest {

  @Test
  void holdsCandidatesUntilTheRemoteDescriptionIsSetThenAppliesInOrder() {
    CandidateQueue q = new CandidateQueue();
    List<String> applied = new ArrayList<>();
    q.offer(new IceCandidate("0", 0, "a"), c -> applied.add(c.candidate()));
    q.offer(new IceCandidate("0", 0, "b"), c -> applied.add(c.candidate()));
    assertEquals(List.of(), applied);
    assertEquals(2, q.pending());
    q.remoteDescriptionSet(c -> applied.add(c.candidate()));
    q.offer(new IceCandidate("0", 0, "c"), c -> applied.add(c.candidate()));
    assertEquals(List.of("a", "b", "c"), applied);
    assertEquals(0, q.pending());
  }
}
