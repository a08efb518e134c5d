package net.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFilesTest {
  @TempDir Path tmp;

  @Test
  void writesAndReadsBackMono48k() {
    short[] tone = Tones.sine(1000, 0.5, 0.25);
    Path wav = tmp.resolve("t.wav");
    WavFiles.writeMono(wav, tone, WavFiles.RATE);
    short[] back = WavFiles.readMono48k(wav);
    assertEquals(tone.length, back.length);
    for (int i = 0; i < tone.length; i++) {
      assertEquals(tone[i], back[i]);
    }
  }

  @Test
  void convertsStereo44k1To48kMonoKeepingThePitch() {
    int rate = 44_100;
    int n = rate; // 1 s
    Path wav = tmp.resolve("s.wav");
    try (WavWriter w = WavWriter.open(wav, rate, 2)) {
      short[] frame = new short[2];
      for (int i = 0; i < n; i++) {
        short v = (short) Math.round(0.3 * 32767 * Math.sin(2 * Math.PI * 440 * i / rate));
        frame[0] = v;
        frame[1] = v;
        w.write(frame, 0, 2);
      }
    }
    short[] mono = WavFiles.readMono48k(wav);
    assertEquals(48_000, mono.length, 1);
    assertEquals(440, Tones.peak(mono, 0, 24_000, WavFiles.RATE, 2000), 10);
    assertEquals(0.3 / Math.sqrt(2), Tones.rms(mono, 0, 24_000), 0.01);
  }

  @Test
  void headerSizesArePatchedOnClose() throws Exception {
    Path wav = tmp.resolve("h.wav");
    WavFiles.writeMono(wav, new short[480], WavFiles.RATE);
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(44 + 960, b.capacity());
    assertEquals(36 + 960, b.getInt(4));
    assertEquals(960, b.getInt(40));
  }

  @Test
  void refusesSomethingThatIsNotAWav() throws Exception {
    Path junk = Files.writeString(tmp.resolve("junk.wav"), "not audio at all");
    assertThrows(MediaException.class, () -> WavFiles.readMono48k(junk));
  }
}
