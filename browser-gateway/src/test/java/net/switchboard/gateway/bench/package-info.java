/** Simulated browsers (real protocol, real Ed25519 signatures) and the gateway load benchmark. */
package net.switchboard.gateway.bench;
