package org.socialworkshop.receipts.render;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's messages to SLF4J like the rest of the application's, instead of its own console handler.
 * It reports every step of every document at INFO, so INFO and below go out at DEBUG.
 */
final class PdfLog implements XRLogger {

    private PdfLog() {
    }

    /** Installs this logger for the whole process (openhtmltopdf keeps one); before any document is rendered. */
    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfLog)) {
            XRLog.setLoggerImpl(new PdfLog());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        LoggerFactory.getLogger(where).atLevel(map(level)).log(msg);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        LoggerFactory.getLogger(where).atLevel(map(level)).setCause(th).log(msg);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are the logging system's to set (logging.level.* in application.yaml).
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        return logger.isEnabledForLevel(map(diagnostic.getLevel()));
    }

    private static org.slf4j.event.Level map(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return org.slf4j.event.Level.ERROR;
        }
        return level.intValue() >= Level.WARNING.intValue() ? org.slf4j.event.Level.WARN : org.slf4j.event.Level.DEBUG;
    }
}
