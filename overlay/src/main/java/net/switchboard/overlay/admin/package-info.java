/**
 * The local admin HTTP API (Vert.x Web, bound to 127.0.0.1 only): {@code GET /status}, {@code GET
 * /records} (metadata, never values) and {@code GET /metrics}. Every answer, errors included, is
 * JSON. {@link net.switchboard.overlay.admin.AdminViews} builds the documents,
 * {@link net.switchboard.overlay.admin.AdminServer} serves them.
 */
package net.switchboard.overlay.admin;
