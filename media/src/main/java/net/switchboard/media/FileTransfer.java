package net.switchboard.media;

import java.nio.file.Path;

/**
 * One file that crossed a call, as seen by one side.
 *
 * @param name the file name the sender gave
 * @param size bytes
 * @param sha256 lowercase hex SHA-256 of the content, checked by the receiver
 * @param path the sender's source file, or where the receiver stored it
 * @param millis time from the header to the last byte (receiver) or to the receiver's
 *     acknowledgement (sender)
 */
public record FileTransfer(String name, long size, String sha256, Path path, long millis) {}
