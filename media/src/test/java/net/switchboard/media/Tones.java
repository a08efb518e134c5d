package net.switchboard.media;

/** Test helpers: a sine tone, its RMS level, and the Goertzel power at a frequency. */
public final class Tones {
  private Tones() {}

  /** {@code seconds} of a sine at {@code hz}, amplitude {@code amp} of full scale, 48 kHz. */
  public static short[] sine(double hz, double seconds, double amp) {
    int n = (int) (seconds * WavFiles.RATE);
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) Math.round(amp * 32767 * Math.sin(2 * Math.PI * hz * i / WavFiles.RATE));
    }
    return s;
  }

  /** Root mean square of {@code s[from, from+n)} as a fraction of full scale. */
  public static double rms(short[] s, int from, int n) {
    double sum = 0;
    for (int i = from; i < from + n; i++) {
      double v = s[i] / 32768.0;
      sum += v * v;
    }
    return Math.sqrt(sum / n);
  }

  /** Goertzel power of {@code hz} over {@code s[from, from+n)} sampled at {@code rate}. */
  public static double power(short[] s, int from, int n, double hz, int rate) {
    double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
    double q1 = 0;
    double q2 = 0;
    for (int i = from; i < from + n; i++) {
      double q0 = coeff * q1 - q2 + s[i] / 32768.0;
      q2 = q1;
      q1 = q0;
    }
    return q1 * q1 + q2 * q2 - coeff * q1 * q2;
  }

  /** The frequency among {@code 100, 110, ..., maxHz} with the most Goertzel power. */
  public static double peak(short[] s, int from, int n, int rate, double maxHz) {
    double best = 0;
    double bestHz = 0;
    for (double hz = 100; hz <= maxHz; hz += 10) {
      double p = power(s, from, n, hz, rate);
      if (p > best) {
        best = p;
        bestHz = hz;
      }
    }
    return bestHz;
  }
}
