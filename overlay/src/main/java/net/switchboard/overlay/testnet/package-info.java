/**
 * {@link net.switchboard.overlay.testnet.LocalTestnet}: one call builds N real nodes (real UDP
 * sockets, real timers) on 127.0.0.1 in this JVM, as holepunch's {@code testnet.js} does. Used by
 * the integration tests and by {@code switchboard bench}.
 */
package net.switchboard.overlay.testnet;
