package org.socialworkshop.receipts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.shared.Money;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns receipts into their canonical bytes (what is hashed and signed) and into rows, and rows back into
 * receipts. It uses a JSON mapper of its own with default settings, so that no application-wide JSON setting can
 * change what a signature covers.
 */
@Component
class ReceiptCodec {

    static final String COLUMNS = "register, number, kind, issued_at, order_number, refund_of, total_minor, currency, "
            + "content::text AS content, previous_hash, hash, key_id, signature";

    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonMapper json = JsonMapper.builder().build();
    private final CanonicalJson canonical = new CanonicalJson(json);

    /** The stored part of a receipt that has no column of its own. */
    record Body(ReceiptContent.Seller seller, List<ReceiptContent.Line> lines, List<ReceiptContent.Tax> taxes,
            List<ReceiptContent.Tender> tenders, List<String> makers,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer pickupNumber,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> makersEn) {
    }

    /** The canonical bytes of docs/api/receipts.md. */
    byte[] payload(ReceiptContent content) {
        ObjectNode tree = json.valueToTree(content);
        tree.put("issuedAt", MICROS.format(content.issuedAt()));
        tree.put("v", content.format());
        return canonical.bytes(tree);
    }

    String body(ReceiptContent content) {
        return json.writeValueAsString(new Body(content.seller(), content.lines(), content.taxes(), content.tenders(), content.makers(),
                content.pickupNumber(), content.makersEn()));
    }

    /**
     * A stored receipt as it reads now: its content from the row, the canonical bytes rebuilt from that content,
     * and the hash and signature stored with it (which a changed row no longer matches).
     */
    SignedReceipt receipt(Readable row) {
        Body body = json.readValue(row.get("content", String.class), new TypeReference<Body>() {
        });
        Money total = new Money(row.get("total_minor", Long.class), Currency.getInstance(row.get("currency", String.class).trim()));
        Instant issuedAt = row.get("issued_at", OffsetDateTime.class).toInstant();
        ReceiptContent content = new ReceiptContent(row.get("register", String.class), row.get("number", Long.class),
                ReceiptContent.Kind.valueOf(row.get("kind", String.class)), issuedAt, row.get("order_number", String.class),
                row.get("refund_of", String.class), body.seller(), body.lines(), body.taxes(), total, body.tenders(), body.makers(),
                row.get("previous_hash", String.class), row.get("key_id", String.class), body.pickupNumber(), body.makersEn());
        return new SignedReceipt(content, payload(content), row.get("hash", String.class), row.get("signature", byte[].class));
    }

    /**
     * As {@link #receipt}, or empty when the row no longer reads as a receipt at all, e.g. its currency code or its
     * content was changed behind the application's back. Such a row is no genuine receipt; it must not fail a request.
     */
    Optional<SignedReceipt> readable(Readable row) {
        try {
            return Optional.of(receipt(row));
        } catch (IllegalArgumentException | JacksonException unreadable) {
            return Optional.empty();
        }
    }

    /** What a signed receipt says of the seller, the lines and the makers, read from its bytes; refused if it cannot be. */
    CounterReceipts.Claimed claimed(byte[] payload) {
        try {
            JsonNode tree = json.readTree(payload);
            return new CounterReceipts.Claimed(Instant.from(MICROS.parse(tree.path("issuedAt").asString(""))),
                    json.treeToValue(tree.required("seller"), ReceiptContent.Seller.class),
                    json.treeToValue(tree.required("lines"), new TypeReference<List<ReceiptContent.Line>>() {
                    }),
                    json.treeToValue(tree.required("makers"), new TypeReference<List<String>>() {
                    }),
                    tree.has("makersEn") ? json.treeToValue(tree.get("makersEn"), new TypeReference<List<String>>() {
                    }) : null);
        } catch (JacksonException | DateTimeParseException | IllegalArgumentException unreadable) {
            throw ReceiptRefused.unreadable();
        }
    }

    JsonNode tree(byte[] payload) {
        return json.readTree(payload);
    }
}
