/** Database access for every module: the embedded or external PostgreSQL, migrations, and a pool-safe query API. */
@NullMarked
@NamedInterface("database")
package org.socialworkshop.platform.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
