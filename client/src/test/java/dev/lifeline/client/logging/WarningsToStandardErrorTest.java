package dev.lifeline.client.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class WarningsToStandardErrorTest {
    @Test
    void warningsReachStandardErrorAndInfoDoesNot() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
        WarningsToStandardError.apply(context);
        Logger log = context.getLogger("dev.lifeline.client.session.RelayClient");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            log.info("connected to the relay");
            log.warn("relay went away");
            log.error("could not save {}", "report.json", new java.io.IOException("disk full"));
        } finally {
            System.setErr(original);
            context.stop();
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        String[] lines = err.split("\\R");
        assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  RelayClient - relay went away"),
                err + context.getStatusManager().getCopyOfStatusList());
        assertTrue(lines[1].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR RelayClient - could not save report.json"), err);
        assertEquals("java.io.IOException: disk full", lines[2], err);
        assertTrue(lines[3].strip().startsWith("at dev.lifeline.client.logging."), err);
        assertFalse(err.contains("connected to the relay"), err);
    }

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertTrue(ServiceLoader.load(Configurator.class).stream().anyMatch(p -> p.type() == WarningsToStandardError.class));
    }
}
