package dev.lifeline.client.transfer;

import dev.lifeline.common.transfer.Checksums;
import dev.lifeline.common.transfer.FileNames;
import dev.lifeline.common.transfer.IncomingTransfer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file being received: written to a hidden temporary file in the target folder, then, only
 * after its SHA-256 matched, given its final name in one step — so nothing ever sits under the
 * final name half-written, and an existing file is never overwritten. The temporary name comes
 * from the file's digest and size, never from the peer's name, so a later attempt of the same
 * file finds it and resumes. Symbolic links are never followed: not for the temporary file
 * (O_NOFOLLOW / O_EXCL) and not for the final name (a hard link, which fails if the name exists).
 * Used on the I/O thread.
 */
final class PartFile {
    static final String PREFIX = ".lifeline-";
    static final String SUFFIX = ".part";
    /** Temporary files in use by a transfer of this app: never two writers on one file. */
    private static final Set<Path> IN_USE = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final Path temp;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final long held;
    private boolean closed;

    private PartFile(Path folder, Path temp, FileChannel channel, MessageDigest digest, long held) {
        this.folder = folder;
        this.temp = temp;
        this.channel = channel;
        this.digest = digest;
        this.held = held;
    }

    /**
     * Opens the temporary file for a transfer into {@code folder}: an earlier attempt's, cut back to
     * its last whole chunk and hashed so far, or a new empty one.
     */
    static PartFile open(Path folder, IncomingTransfer transfer) throws IOException {
        Path real = folder.toRealPath();
        if (!Files.isDirectory(real)) {
            throw new IOException("not a folder: " + folder);
        }
        String base = PREFIX + HexFormat.of().formatHex(transfer.sha256(), 0, 8) + "-" + transfer.size();
        Path temp = real.resolve(base + SUFFIX);
        if (!IN_USE.add(temp)) {
            // The same file is arriving twice at once: the second gets its own temporary file.
            temp = real.resolve(base + "-" + Long.toHexString(RANDOM.nextLong()) + SUFFIX);
            IN_USE.add(temp);
        }
        try {
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("a link or folder is in the way of the temporary file");
                }
                return resume(real, temp, transfer);
            }
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            return new PartFile(real, temp, channel, Checksums.sha256(), 0);
        } catch (IOException | RuntimeException e) {
            IN_USE.remove(temp);
            throw e;
        }
    }

    private static PartFile resume(Path folder, Path temp, IncomingTransfer transfer) throws IOException {
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS);
        try {
            long keep = transfer.resumeOffset(channel.size());
            channel.truncate(keep);
            MessageDigest digest = Checksums.sha256();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            long position = 0;
            while (position < keep) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), keep - position));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException("the temporary file ended early");
                }
                digest.update(buffer.array(), 0, n);
                position += n;
            }
            return new PartFile(folder, temp, channel, digest, keep);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Bytes kept from an earlier attempt. */
    long held() {
        return held;
    }

    void write(long offset, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        long position = offset;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        digest.update(data);
    }

    /** Flushes to disk and returns the SHA-256 of everything written. */
    byte[] finish() throws IOException {
        channel.force(true);
        return digest.digest();
    }

    /**
     * Gives the verified file its final name: {@code name}, or "name (1)" and so on if that is
     * taken. Returns the name used.
     */
    String commit(String name) throws IOException {
        close();
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                String candidate = FileNames.unique(name, n -> Files.exists(folder.resolve(n), LinkOption.NOFOLLOW_LINKS));
                Path target = folder.resolve(candidate);
                if (!target.getParent().equals(folder) || !target.getFileName().toString().equals(candidate)) {
                    throw new IOException("the name does not stay in the folder"); // sanitised names cannot get here
                }
                try {
                    // link() fails if the name exists, even as a dangling link: never overwrites, never follows.
                    Files.createLink(target, temp);
                    Files.delete(temp);
                    return candidate;
                } catch (FileAlreadyExistsException e) {
                    continue; // taken since we looked: next name
                } catch (UnsupportedOperationException | IOException e) {
                    // No hard links here (FAT, some network shares): a rename that refuses to replace.
                    try {
                        Files.move(temp, target);
                        return candidate;
                    } catch (FileAlreadyExistsException taken) {
                        continue;
                    }
                }
            }
            throw new IOException("no free name for the file");
        } finally {
            IN_USE.remove(temp);
        }
    }

    /** Deletes the temporary file (cancelled, corrupt, declined). */
    void discard() {
        try {
            close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Best effort; the name says what it is.
        } finally {
            IN_USE.remove(temp);
        }
    }

    /** Closes and keeps the temporary file, so a later attempt can resume from it. */
    void keep() {
        try {
            close();
        } catch (IOException e) {
            // nothing more to do
        } finally {
            IN_USE.remove(temp);
        }
    }

    private void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }

    Path temp() {
        return temp;
    }
}
