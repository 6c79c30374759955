package dev.lifeline.client.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The apps' logging set-up in code: warnings and errors only, to standard error (standard output
 * belongs to headless events). Done in code, with a plain layout, because reading a logback.xml
 * and compiling a pattern load an XML parser and some 400 classes: a sixth of Get Help's start-up.
 *
 * <p>A configuration file still wins: {@code -Dlogback.configurationFile=…} (the relay sets one),
 * or a {@code logback-test.xml} / {@code logback.xml} on the class path.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class WarningsToStandardError extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configurationFileGiven()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Warnings and up from every logger go to standard error, one line each. */
    static void apply(LoggerContext context) {
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(new OneLineLayout());
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        // PDFBox warns once per base font it substitutes while the PDF report is made: normal, not news.
        context.getLogger("org.apache.pdfbox.pdmodel.font").setLevel(Level.ERROR);
    }

    private static boolean configurationFileGiven() {
        ClassLoader loader = WarningsToStandardError.class.getClassLoader();
        return System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null;
    }
}
