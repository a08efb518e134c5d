package net.switchboard.simulations.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import net.switchboard.simulations.scenario.Sample;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG line plots of the time series (XChart, headless). */
public final class Plots {
  /** File names written by {@link #writeAll}, without extension, with their titles. */
  public static final String[][] FILES = {
    {"availability", "Record availability and resolve success"},
    {"holders", "Holders per live record"},
    {"latency", "Resolve latency and lookup hops"},
    {"traffic", "Traffic per node"},
  };

  private Plots() {}

  /** Writes availability.png, holders.png, latency.png and traffic.png into {@code dir}. */
  public static void writeAll(List<Sample> samples, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart a = chart(FILES[0][1], "share");
    add(a, samples, "availability (k closest hold it)", Sample::availability);
    add(a, samples, "resolve success", Sample::resolveSuccess);
    save(a, dir, FILES[0][0]);

    XYChart h = chart(FILES[1][1], "nodes");
    add(h, samples, "holders (mean)", Sample::holdersMean);
    add(h, samples, "holders (min)", s -> s.liveRecords() == 0 ? Double.NaN : s.holdersMin());
    add(h, samples, "of the k closest (mean)", Sample::closestHoldersMean);
    add(h, samples, "records lost (cumulative)", s -> s.recordsLost());
    save(h, dir, FILES[1][0]);

    XYChart l = chart(FILES[2][1], "ms / hops");
    add(l, samples, "latency median (ms)", Sample::latencyMedianMillis);
    add(l, samples, "latency p99 (ms)", Sample::latencyP99Millis);
    add(l, samples, "hops median x100", s -> s.hopsMedian() * 100);
    add(l, samples, "hops p99 x100", s -> s.hopsP99() * 100);
    save(l, dir, FILES[2][0]);

    XYChart t = chart(FILES[3][1], "bytes / node / s");
    add(t, samples, "bytes sent per live node per second", Sample::bytesPerNodePerSecond);
    save(t, dir, FILES[3][0]);
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart c = new XYChartBuilder().width(800).height(450).title(title).xAxisTitle("simulated hours").yAxisTitle(yTitle).build();
    c.getStyler().setMarkerSize(3);
    c.getStyler().setXAxisDecimalPattern("0.#");
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    return c;
  }

  private static void add(XYChart c, List<Sample> samples, String name, ToDoubleFunction<Sample> f) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Sample s : samples) {
      double y = f.applyAsDouble(s);
      if (!Double.isNaN(y) && !Double.isInfinite(y)) {
        xs.add(s.elapsedMillis() / 3_600_000.0);
        ys.add(y);
      }
    }
    if (xs.isEmpty()) {
      xs.add(0.0);
      ys.add(0.0);
    }
    c.addSeries(name, xs, ys).setMarker(SeriesMarkers.CIRCLE);
  }

  private static void save(XYChart c, Path dir, String name) throws IOException {
    BitmapEncoder.saveBitmap(c, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
