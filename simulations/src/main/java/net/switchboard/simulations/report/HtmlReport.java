package net.switchboard.simulations.report;

import java.util.Map;

/** {@code report.html}: the headline figures, the parameters and the plots, in one static page. */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(Map<String, Object> summary, Map<String, Object> parameters) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Switchboard churn simulation</title>\n")
        .append("<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}")
        .append("th{background:#f4f4f4}img{max-width:100%;border:1px solid #eee;margin:.5em 0}</style>\n")
        .append("</head><body>\n<h1>Churn simulation</h1>\n")
        .append("<p>The production DHT code on a virtual network and clock. Files: ")
        .append("<a href=\"summary.json\">summary.json</a>, <a href=\"timeseries.csv\">timeseries.csv</a>, ")
        .append("<a href=\"messages.csv\">messages.csv</a>.</p>\n<h2>Results</h2>\n<table>\n");
    for (Map.Entry<String, Object> e : summary.entrySet()) {
      if (e.getKey().equals("parameters")) {
        continue;
      }
      sb.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(text(e.getValue()))).append("</td></tr>\n");
    }
    sb.append("</table>\n<h2>Parameters</h2>\n<table>\n");
    for (Map.Entry<String, Object> e : parameters.entrySet()) {
      sb.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(text(e.getValue()))).append("</td></tr>\n");
    }
    sb.append("</table>\n<h2>Over time</h2>\n");
    for (String[] f : Plots.FILES) {
      sb.append("<h3>").append(escape(f[1])).append("</h3>\n<img src=\"").append(f[0]).append(".png\" alt=\"")
          .append(escape(f[1])).append("\">\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  @SuppressWarnings("unchecked")
  private static String text(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(e.getKey()).append('=').append(text(e.getValue()));
      }
      return sb.toString();
    }
    if (v instanceof Double d) {
      return Num.json(d);
    }
    return String.valueOf(v);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
