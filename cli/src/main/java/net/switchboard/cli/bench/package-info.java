/**
 * {@code switchboard bench}: real nodes on 127.0.0.1 in one JVM, measured. {@code dht} (signed or
 * contact records), {@code call} (setup through the overlay vs bare WebRTC) and {@code gateway}
 * (simulated browsers). Figures and commands are in docs/benchmarks.md.
 */
package net.switchboard.cli.bench;
