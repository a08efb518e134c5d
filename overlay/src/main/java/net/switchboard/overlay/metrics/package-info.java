/** The node's metrics in the Prometheus data model, served by the admin API's {@code GET /metrics}. */
package net.switchboard.overlay.metrics;
