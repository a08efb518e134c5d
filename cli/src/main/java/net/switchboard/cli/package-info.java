/**
 * The {@code switchboard} command (picocli). {@link net.switchboard.cli.Main} lists every
 * subcommand in one place; each subcommand is one class. Shared conventions: {@code --help} on
 * every command, exit 0 on success, a one-line error and exit 2 on bad input (1 when the command
 * itself fails), {@code --json} where the output is data.
 */
package net.switchboard.cli;
