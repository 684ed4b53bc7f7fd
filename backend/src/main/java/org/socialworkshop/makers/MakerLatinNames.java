package org.socialworkshop.makers;

import java.util.UUID;

import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.startup.Startup;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fills, on start, the Latin-script name of makers recorded before there was one (V43) with the pinyin of their
 * Chinese name, so that SQL reads (statements, piece-work lists) find it; a name already written is never touched.
 */
@Component
class MakerLatinNames implements ApplicationRunner {

    private final Database db;

    MakerLatinNames(Database db) {
        this.db = db;
    }

    @Override
    public void run(ApplicationArguments args) {
        Startup.await(fill(), "writing makers' names in pinyin");
    }

    Mono<Long> fill() {
        return db.sql("SELECT id, display_name FROM makers WHERE display_name_latin IS NULL")
                .map(row -> new Unfilled(row.get("id", UUID.class), row.get("display_name", String.class)))
                .list()
                .flatMapMany(Flux::fromIterable)
                .concatMap(maker -> db.sql("""
                                UPDATE makers SET display_name_latin = :latin
                                WHERE id = :id AND display_name_latin IS NULL""")
                        .bind("id", maker.id()).bind("latin", LatinName.of(maker.displayName())).update())
                .reduce(0L, (sum, rows) -> sum + rows);
    }

    private record Unfilled(UUID id, String displayName) {
    }
}
