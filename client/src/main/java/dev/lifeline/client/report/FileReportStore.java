package dev.lifeline.client.report;

import dev.lifeline.common.report.ReportExport;
import dev.lifeline.common.wire.report.SessionReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports as files in the Console's data folder: {@code <id>.json} (the record) beside
 * {@code <id>.md}, {@code <id>.html} and {@code <id>.pdf} (for people, the PDF to attach), and a
 * mark in {@code unfiled/} until the team's records (the relay) have the report. Written to a
 * temporary file and moved into place, so a crash never leaves half a report; owner-only where
 * the file system allows, since reports hold details of the customer's machine.
 */
public final class FileReportStore implements ReportStore {
    private static final Logger log = LoggerFactory.getLogger(FileReportStore.class);
    private static final Pattern SAFE_ID = Pattern.compile("[0-9a-f-]{36}");
    private final Path dir;
    private final ZoneId zone;

    public FileReportStore(Path dir, ZoneId zone) {
        this.dir = dir;
        this.zone = zone;
    }

    /** The default folder: {@code ~/.local/share/lifeline/reports} (or {@code %APPDATA%\Lifeline\reports}). */
    public static Path defaultDir() {
        String appData = System.getenv("APPDATA");
        if (appData != null && !appData.isBlank()) {
            return Path.of(appData, "Lifeline", "reports");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("lifeline").resolve("reports");
    }

    public Path dir() {
        return dir;
    }

    @Override
    public String save(SessionReport report) throws IOException {
        if (!SAFE_ID.matcher(report.getReportId()).matches()) {
            throw new IllegalArgumentException("report id must be a UUID");
        }
        Files.createDirectories(dir);
        Path json = dir.resolve(report.getReportId() + ".json");
        write(json, ReportExport.json(report));
        // Not in the team's records until the relay confirms it (RelayReportStore#filedOnRelay).
        Files.createDirectories(unfiledDir());
        Path mark = unfiledDir().resolve(report.getReportId());
        if (!Files.exists(mark)) {
            Files.createFile(mark);
        }
        write(dir.resolve(report.getReportId() + ".md"), ReportExport.markdown(report, zone));
        write(dir.resolve(report.getReportId() + ".html"), ReportExport.html(report, zone));
        try {
            write(dir.resolve(report.getReportId() + ".pdf"), ReportPdf.bytes(report, zone));
        } catch (IOException e) {
            // The record and the HTML are kept; a PDF can be exported again later.
            log.warn("report {}: no PDF: {}", report.getReportId(), e.getMessage());
        }
        return json.toString();
    }

    private static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".report", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the user's profile folder protects it
            }
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private Path unfiledDir() {
        return dir.resolve("unfiled");
    }

    /** Ids of the reports kept here that the team's records (the relay) have not taken yet, oldest first. */
    public List<String> unfiled() throws IOException {
        if (!Files.isDirectory(unfiledDir())) {
            return List.of();
        }
        try (Stream<Path> marks = Files.list(unfiledDir())) {
            return marks.filter(m -> SAFE_ID.matcher(m.getFileName().toString()).matches()
                            && Files.isRegularFile(dir.resolve(m.getFileName() + ".json")))
                    .sorted(Comparator.comparingLong(FileReportStore::modified))
                    .map(m -> m.getFileName().toString()).toList();
        }
    }

    /** The relay has the report (or will never take it): it is no longer waiting to be filed. */
    public void noLongerUnfiled(String reportId) throws IOException {
        if (SAFE_ID.matcher(reportId).matches()) {
            Files.deleteIfExists(unfiledDir().resolve(reportId));
        }
    }

    /** The report kept here under this id. */
    public SessionReport load(String reportId) throws IOException {
        if (!SAFE_ID.matcher(reportId).matches()) {
            throw new IllegalArgumentException("report id must be a UUID");
        }
        return ReportExport.parseJson(Files.readString(dir.resolve(reportId + ".json"), StandardCharsets.UTF_8));
    }

    /** The file a person opens: the PDF when there is one, else the HTML page. */
    public Path document(String reportId) {
        Path pdf = dir.resolve(reportId + ".pdf");
        return Files.exists(pdf) ? pdf : dir.resolve(reportId + ".html");
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public List<SessionReport> recent(int limit) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<SessionReport> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    out.add(ReportExport.parseJson(Files.readString(p, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    // A damaged file loses only itself.
                    log.warn("skipping unreadable report {}: {}", p.getFileName(), e.getMessage());
                }
            }
        }
        out.sort(Comparator.comparingLong(SessionReport::getEndedAtMs).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }
}
