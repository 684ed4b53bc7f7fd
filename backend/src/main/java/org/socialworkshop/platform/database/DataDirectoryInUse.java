package org.socialworkshop.platform.database;

import java.nio.file.Path;

/** Another running instance owns the embedded data directory; starting a second server on it would harm it. */
public final class DataDirectoryInUse extends RuntimeException {

    private final Path dataDir;

    private DataDirectoryInUse(Path dataDir) {
        super("The data directory " + dataDir + " is in use by another running instance of Social Workshop.");
        this.dataDir = dataDir;
    }

    static DataDirectoryInUse at(Path dataDir) {
        return new DataDirectoryInUse(dataDir);
    }

    public Path dataDir() {
        return dataDir;
    }
}
