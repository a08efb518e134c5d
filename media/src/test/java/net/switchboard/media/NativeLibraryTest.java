package net.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeLibraryTest {
  @Test
  void aMissingLibpulseBecomesOneLineSayingWhatToInstall() {
    UnsatisfiedLinkError real = assertThrows(UnsatisfiedLinkError.class,
        () -> System.load("/nonexistent-switchboard-test/libpulse.so.0"));
    MediaException e = NativeLibrary.explain(real);
    assertEquals(NativeLibrary.PULSE_HINT, e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install libpulse0"));
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(real, e.getCause());
  }

  @Test
  void anotherLinkFailureNamesTheLibraryProblemOnOneLine() {
    UnsatisfiedLinkError real = assertThrows(UnsatisfiedLinkError.class,
        () -> System.loadLibrary("no_such_switchboard_library"));
    MediaException e = NativeLibrary.explain(real);
    assertTrue(e.getMessage().startsWith("cannot load webrtc-java's native library: "), e.getMessage());
    assertTrue(e.getMessage().contains("no_such_switchboard_library"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
