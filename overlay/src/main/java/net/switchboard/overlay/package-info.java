/**
 * The runnable Switchboard node: the composition root that wires the pure {@code dht} core to
 * real time (Vert.x timers), a real network (UDP), disk and a command line.
 *
 * <ul>
 *   <li>{@code runtime}: the production {@link net.switchboard.seam.Scheduler} and {@link
 *       net.switchboard.seam.Transport} on Vert.x;
 *   <li>{@code persist}: the data directory: identity key (PKCS#8 PEM), routing-table snapshot;
 *   <li>{@code node}: {@link net.switchboard.overlay.node.OverlayNode}, one running node;
 *   <li>{@code admin}: the local HTTP admin API;
 *   <li>{@code testnet}: {@link net.switchboard.overlay.testnet.LocalTestnet}, N real nodes on
 *       loopback in one call;
 *   <li>{@code cli}: the {@code switchboard} command.
 * </ul>
 */
package net.switchboard.overlay;
