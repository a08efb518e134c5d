/**
 * Writes a run's report folder: {@code summary.json}, {@code timeseries.csv}, {@code
 * messages.csv}, PNG plots ({@code availability.png}, {@code holders.png}, {@code latency.png},
 * {@code traffic.png}) and {@code report.html} that shows them with the parameters. Everything
 * but {@code wall_seconds} is a pure function of the result, so equal seeds give equal files.
 */
package net.switchboard.simulations.report;
