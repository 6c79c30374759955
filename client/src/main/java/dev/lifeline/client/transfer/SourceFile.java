package dev.lifeline.client.transfer;

import dev.lifeline.common.transfer.Checksums;
import dev.lifeline.common.transfer.ChunkSlot;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;

/** A file being sent: hashed once when offered, then read chunk by chunk. Used on the I/O thread. */
final class SourceFile implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final FileTime modified;
    private final byte[] sha256;

    private SourceFile(Path path, FileChannel channel, long size, FileTime modified, byte[] sha256) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.modified = modified;
        this.sha256 = sha256;
    }

    static SourceFile open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("not a regular file: " + path.getFileName());
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            FileTime modified = Files.getLastModifiedTime(path);
            MessageDigest digest = Checksums.sha256();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            long position = 0;
            while (position < size) {
                buffer.clear();
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new SourceChangedException("the file became shorter while it was read");
                }
                digest.update(buffer.array(), 0, n);
                position += n;
            }
            return new SourceFile(path, channel, size, modified, digest.digest());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The slot's bytes, after checking that the file is still the one that was hashed. */
    byte[] read(ChunkSlot slot) throws IOException {
        if (channel.size() != size || !Files.getLastModifiedTime(path).equals(modified)) {
            throw new SourceChangedException("the file changed while it was being sent");
        }
        ByteBuffer buffer = ByteBuffer.allocate(slot.length());
        long position = slot.offset();
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("the file ended early");
            }
            position += n;
        }
        return buffer.array();
    }

    long size() {
        return size;
    }

    byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
