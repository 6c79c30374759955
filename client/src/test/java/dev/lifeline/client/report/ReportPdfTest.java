package dev.lifeline.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.common.diagnostics.Evaluation;
import dev.lifeline.common.report.ReportDrafts;
import dev.lifeline.common.wire.diagnostics.Disk;
import dev.lifeline.common.wire.diagnostics.DiskHealth;
import dev.lifeline.common.wire.diagnostics.Probe;
import dev.lifeline.common.wire.diagnostics.ProbeResult;
import dev.lifeline.common.wire.diagnostics.ProbeStatus;
import dev.lifeline.common.wire.diagnostics.StorageData;
import dev.lifeline.common.wire.report.Outcome;
import dev.lifeline.common.wire.report.Party;
import dev.lifeline.common.wire.report.SessionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF export read back with PDFBox, as a person would read it: the outcome, the findings, the
 * notes, the dispatch summary and the customer's name are there as text.
 */
public class ReportPdfTest {
    @TempDir
    Path dir;

    /** A session whose disk fails SMART: the real rules make the on-site finding. */
    static SessionReport onsiteReport(String customer, String notes) {
        SessionRecord record = new SessionRecord("7-crane-apple", Party.newBuilder().setName("Alice Meyer").setOrganisation("ACME Support").build(),
                1_700_000_000_000L);
        record.secured(customer, "00112233445566778899aabbccddeeff", 1_700_000_030_000L);
        record.result(ProbeResult.newBuilder().setProbe(Probe.STORAGE).setStatus(ProbeStatus.OK).setSummary("1 disk")
                .setStorage(StorageData.newBuilder().addDisks(Disk.newBuilder().setName("/dev/sda").setModel("WDC WD10EZEX-08WN4A0")
                        .setHealth(DiskHealth.FAILING).setHealthSource("smartctl").setReallocatedSectors(1288)))
                .build());
        Evaluation e = record.evaluation();
        Outcome outcome = Outcome.newBuilder().setKind(Outcome.Kind.ONSITE_VISIT).setNotes(notes)
                .setDispatch(ReportDrafts.dispatch(e, "Hauptstraße 5, 8001 Zürich", "Tue 9-12")).build();
        return record.report(outcome, 1_700_001_800_000L);
    }

    public static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 1);
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void thePdfOpensAndSaysWhatTheReportSays() throws IOException {
        SessionReport report = onsiteReport("Łukasz Żółkiewski", "Disk clicks when the laptop starts. Customer has a backup from Monday.");
        assertFalse(report.getFindingsList().isEmpty(), "the failing disk raised a finding");
        byte[] pdf = ReportPdf.bytes(report, ZoneOffset.UTC);
        assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));

        String text = text(pdf);
        assertTrue(text.contains("Session report: Łukasz Żółkiewski"), "the name in its own letters (embedded font): " + text);
        assertTrue(text.contains("On-site visit needed"), text);
        assertTrue(text.contains(report.getFindings(0).getSummary()), "the finding: " + report.getFindings(0).getSummary() + " in " + text);
        assertTrue(text.contains("Disk clicks when the laptop starts. Customer has a backup from Monday."), "the notes: " + text);
        assertTrue(text.contains("Hauptstraße 5, 8001 Zürich"), "the dispatch address: " + text);
        assertTrue(text.contains("Alice Meyer (ACME Support)"), text);
        assertTrue(text.contains(report.getReportId()), "the report id, to find it again: " + text);
    }

    @Test
    void valuesFromTheCustomersMachineCannotBreakThePage() throws IOException {
        // Markup and control characters arrive in probe output and notes: escaped, never interpreted.
        SessionReport report = onsiteReport("Eve <script>alert(1)</script>", "line one\u0000\u0007 & <b>not bold</b>");
        String text = text(ReportPdf.bytes(report, ZoneOffset.UTC));
        assertTrue(text.contains("Session report: Eve <script>alert(1)"), text);
        assertTrue(text.contains("& <b>not bold</b>"), text);
    }

    @Test
    void formatsByExtensionAndTheStoreKeepsAPdfBesideTheRecord() throws IOException {
        assertEquals(ReportDocument.PDF, ReportDocument.forFile(Path.of("out/Report.PDF")));
        assertEquals(ReportDocument.HTML, ReportDocument.forFile(Path.of("r.htm")));
        assertEquals(ReportDocument.MARKDOWN, ReportDocument.forFile(Path.of("r.md")));
        assertEquals(ReportDocument.JSON, ReportDocument.forFile(Path.of("r.json")));
        assertEquals(ReportDocument.JSON, ReportDocument.forFile(Path.of("report")));

        SessionReport report = onsiteReport("Dana", "kept");
        Path pdf = dir.resolve("exports/dana.pdf");
        ReportDocument.writeFile(pdf, report, ZoneOffset.UTC);
        assertTrue(text(Files.readAllBytes(pdf)).contains("Session report: Dana"));

        new FileReportStore(dir.resolve("store"), ZoneOffset.UTC).save(report);
        Path stored = dir.resolve("store").resolve(report.getReportId() + ".pdf");
        assertTrue(text(Files.readAllBytes(stored)).contains("On-site visit needed"));
    }
}
