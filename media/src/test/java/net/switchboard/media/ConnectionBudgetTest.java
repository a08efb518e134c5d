package net.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {

  @Test
  void limitsLiveConnections() {
    ConnectionBudget b = new ConnectionBudget(2, 100);
    b.acquire();
    b.acquire();
    assertThrows(MediaException.class, b::acquire);
    b.release();
    b.acquire();
    assertEquals(2, b.live());
  }

  @Test
  void limitsConnectionsOverTheProcessLifetimeBecauseClosedOnesLeak() {
    ConnectionBudget b = new ConnectionBudget(5, 3);
    for (int i = 0; i < 3; i++) {
      b.acquire();
      b.release();
    }
    assertEquals(0, b.live());
    assertEquals(3, b.created());
    assertThrows(MediaException.class, b::acquire);
  }
}
