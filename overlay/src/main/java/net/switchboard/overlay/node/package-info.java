/**
 * One running node: {@link net.switchboard.overlay.node.OverlayNode} composes a {@link
 * net.switchboard.dht.DhtNode} with the Vert.x scheduler and UDP transport, the warm-restart
 * snapshot of its data directory and a join that keeps retrying. {@link
 * net.switchboard.overlay.node.NodeConfig} holds every setting; {@link
 * net.switchboard.seam.NodeLog} is where its one-line events go.
 */
package net.switchboard.overlay.node;
