package net.switchboard.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BareHandshakeBenchTest {
  @Test
  void measuresOneHandshakePerCallWithRealWebRtcPeers() {
    List<Double> ms = BareHandshakeBench.measure(3);
    assertEquals(3, ms.size());
    assertTrue(ms.stream().allMatch(m -> m > 0 && m < 20_000), ms.toString());
  }

  @Test
  void refusesANegativeCount() {
    assertThrows(IllegalArgumentException.class, () -> BareHandshakeBench.measure(-1));
  }
}
