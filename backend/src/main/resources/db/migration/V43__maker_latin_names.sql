-- Makers' display names in Latin script beside the Chinese one (ADR 0028). Rows written before this column are
-- filled with the pinyin of their Chinese name when the application starts (MakerLatinNames); the column stays
-- nullable so that a row is never without a name in between, and readers fall back to the Chinese name.
ALTER TABLE makers ADD COLUMN display_name_latin text CHECK (length(display_name_latin) BETWEEN 1 AND 100);
