package net.switchboard.simulations.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.switchboard.simulations.scenario.SimulationResult;

/** Writes the whole report folder for one result. */
public final class ReportWriter {
  private ReportWriter() {}

  /** Creates {@code dir} if needed and writes every file of the report into it. */
  public static void write(SimulationResult result, double wallSeconds, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> summary = Summary.of(result, wallSeconds);
    Files.writeString(dir.resolve("summary.json"), SummaryJson.write(summary), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("timeseries.csv"), Csv.timeseries(result.samples()), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("messages.csv"), Csv.messages(result.samples()), StandardCharsets.UTF_8);
    Plots.writeAll(result.samples(), dir);
    Files.writeString(dir.resolve("report.html"), HtmlReport.render(summary, Summary.parameters(result.config())),
        StandardCharsets.UTF_8);
  }
}
