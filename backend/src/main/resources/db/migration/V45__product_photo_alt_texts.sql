-- What each photo of a product shows, in both languages, for buyers who cannot see it (the alt text of the photo on
-- the product page and in its zoomed view). Null: the page says "<product>, photo n of m".
ALTER TABLE product_images
    ADD COLUMN alt_zh text CHECK (char_length(alt_zh) BETWEEN 1 AND 200),
    ADD COLUMN alt_en text CHECK (char_length(alt_en) BETWEEN 1 AND 200);
