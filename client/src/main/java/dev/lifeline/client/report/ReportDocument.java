package dev.lifeline.client.report;

import dev.lifeline.common.report.ReportExport;
import dev.lifeline.common.wire.report.SessionReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/** The export formats of a session report, chosen by what a person asks for or by a file's extension. */
public enum ReportDocument {
    PDF("pdf"), HTML("html"), MARKDOWN("md"), JSON("json");

    private final String extension;

    ReportDocument(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** By extension: {@code .pdf}, {@code .html}/{@code .htm}, {@code .md}; anything else is JSON. */
    public static ReportDocument forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return PDF;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return HTML;
        }
        return name.endsWith(".md") ? MARKDOWN : JSON;
    }

    /** Writes the report in this format to {@code out} (not closed). */
    public void write(SessionReport report, ZoneId zone, OutputStream out) throws IOException {
        switch (this) {
            case PDF -> ReportPdf.write(report, zone, out);
            case HTML -> out.write(ReportExport.html(report, zone).getBytes(StandardCharsets.UTF_8));
            case MARKDOWN -> out.write(ReportExport.markdown(report, zone).getBytes(StandardCharsets.UTF_8));
            case JSON -> out.write(ReportExport.json(report).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes the report to {@code file} in the format its extension names, creating its folder. */
    public static void writeFile(Path file, SessionReport report, ZoneId zone) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            forFile(file).write(report, zone, out);
        }
    }
}
