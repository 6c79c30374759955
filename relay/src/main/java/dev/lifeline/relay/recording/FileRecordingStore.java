package dev.lifeline.relay.recording;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recordings as {@code <id>.llrec} files (mode 600) in one directory. */
public final class FileRecordingStore implements RecordingStore {
    static final String SUFFIX = ".llrec";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final Path dir;

    public FileRecordingStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    public Path directory() {
        return dir;
    }

    static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a recording id is 32 lower-case hex digits");
        }
        return id;
    }

    Path file(String id) {
        return dir.resolve(checkId(id) + SUFFIX);
    }

    @Override
    public OutputStream create(String id) throws IOException {
        Path file = file(id);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 64 * 1024);
    }

    @Override
    public Optional<SeekableByteChannel> open(String id) throws IOException {
        try {
            return Optional.of(Files.newByteChannel(file(id), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Stored> list() throws IOException {
        List<Stored> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                if (!ID.matcher(id).matches()) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                all.add(new Stored(id, attributes.size(), attributes.lastModifiedTime().toInstant()));
            }
        }
        return all;
    }

    @Override
    public void delete(String id) throws IOException {
        Files.deleteIfExists(file(id));
    }
}
