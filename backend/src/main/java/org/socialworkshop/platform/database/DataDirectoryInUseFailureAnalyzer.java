package org.socialworkshop.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a second start on the same data directory into a plain message instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUse cause) {
        return new FailureAnalysis(cause.getMessage() + " Nothing was changed.",
                "Stop the other instance first, or give this one its own directory with DATA_DIR=/some/other/dir,"
                        + " or use an external server with DATABASE_URL=postgresql://user:pass@host:port/db.",
                cause);
    }
}
