package dev.lifeline.client.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import dev.lifeline.common.report.ReportExport;
import dev.lifeline.common.wire.report.SessionReport;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The session report as a PDF to attach to a ticket or an e-mail: the same page as the HTML
 * export ({@link ReportExport#html}), laid out on A4 by openhtmltopdf (PDFBox underneath), so the
 * two never say different things. Text is real text (searchable, copyable). The PDF's base fonts
 * cover Western European letters only, so a Unicode font of the system (DejaVu Sans on Linux,
 * Arial on Windows and macOS) is embedded when one is found, for names in any script.
 */
public final class ReportPdf {
    private static final String FAMILY = "Lifeline Report Sans";
    private static final List<FontPair> SYSTEM_FONTS = systemFonts();

    private record FontPair(Path regular, Path bold) {
    }

    static {
        // openhtmltopdf logs each layout step through java.util.logging to the console; the
        // report is our own page, and failures still come back as exceptions.
        XRLog.setLoggingEnabled(false);
    }

    private ReportPdf() {
    }

    /** Writes the report as PDF to {@code out} (not closed). */
    public static void write(SessionReport report, ZoneId zone, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        String html = ReportExport.html(report, zone);
        if (fonts().isPresent()) {
            // The page asks for "sans-serif", which the PDF base fonts serve without most non-Latin
            // letters: the embedded family comes first for the PDF only.
            html = html.replaceFirst("</style>", "body,pre{font-family:'" + FAMILY + "',sans-serif}</style>");
        }
        builder.withHtmlContent(html, null);
        builder.withProducer("Lifeline");
        fonts().ifPresent(f -> {
            builder.useFont(f.regular().toFile(), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            if (f.bold() != null) {
                builder.useFont(f.bold().toFile(), FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
        });
        builder.toStream(out);
        try {
            builder.run();
        } catch (RuntimeException e) {
            // openhtmltopdf reports layout and XML problems unchecked: a typed error for the caller.
            throw new IOException("the PDF could not be made: " + e.getMessage(), e);
        }
    }

    public static byte[] bytes(SessionReport report, ZoneId zone) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(report, zone, out);
        return out.toByteArray();
    }

    /** The Unicode font embedded in reports, if this machine has one. */
    static Optional<FontPair> fonts() {
        return SYSTEM_FONTS.stream().findFirst();
    }

    private static List<FontPair> systemFonts() {
        List<FontPair> found = new ArrayList<>();
        String windir = System.getenv("WINDIR");
        List<String[]> candidates = new ArrayList<>(List.of(
                new String[] {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
                new String[] {"/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"},
                new String[] {"/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"},
                new String[] {"/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"},
                new String[] {"/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"}));
        if (windir != null && !windir.isBlank()) {
            candidates.add(0, new String[] {windir + File.separator + "Fonts" + File.separator + "arial.ttf",
                    windir + File.separator + "Fonts" + File.separator + "arialbd.ttf"});
        }
        for (String[] c : candidates) {
            Path regular = Path.of(c[0]);
            if (Files.isReadable(regular)) {
                Path bold = Path.of(c[1]);
                found.add(new FontPair(regular, Files.isReadable(bold) ? bold : null));
            }
        }
        return List.copyOf(found);
    }
}
