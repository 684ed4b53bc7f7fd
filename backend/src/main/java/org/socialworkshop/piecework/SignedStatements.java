package org.socialworkshop.piecework;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.socialworkshop.platform.database.Database;
import org.socialworkshop.platform.web.ProblemException;
import org.socialworkshop.receipts.SignedDocuments;
import org.socialworkshop.shop.ShopIdentity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Monthly statements as proof of income: issued once per maker and finished month, signed like receipts
 * (canonical JSON, Ed25519, the published keys), and checked by anyone holding the code printed under the QR
 * code ({@code /s/{code}}: the statement's id and its signature, so statements cannot be enumerated).
 */
@Service
public class SignedStatements {

    private final Database db;
    private final Statements statements;
    private final SignedDocuments documents;
    private final JsonMapper json = JsonMapper.builder().build();
    private final WorkshopTime time;
    private final ShopIdentity shop;

    SignedStatements(Database db, Statements statements, SignedDocuments documents, WorkshopTime time, ShopIdentity shop) {
        this.db = db;
        this.statements = statements;
        this.documents = documents;
        this.time = time;
        this.shop = shop;
    }

    /** An issued statement: what was signed, and how to find it again. */
    public record Issued(UUID id, JsonNode content, byte[] payload, String hash, String keyId, byte[] signature, OffsetDateTime issuedAt) {

        public String code() {
            return SignedDocuments.Code.of(id, signature);
        }
    }

    public record Checked(Issued statement, boolean signatureValid) {
    }

    /** The signed statement of a finished month, issued now if it was not yet. */
    public Mono<Issued> issue(UUID maker, YearMonth month) {
        if (!month.isBefore(time.thisMonth())) {
            return Mono.error(new NotFinished(month));
        }
        return find(maker, month).switchIfEmpty(Mono.defer(() -> Mono.zip(statements.month(maker, month), shop.current()).flatMap(found -> {
            UUID id = UUID.randomUUID();
            ObjectNode content = (ObjectNode) documents.tree(found.getT1());
            content.put("v", 1).put("kind", "EARNINGS_STATEMENT").put("id", id.toString());
            // Who issues it, as the shop's identity says when it is signed (docs/adr/0027-one-shop-identity.md).
            content.putObject("issuer").put("nameZh", found.getT2().nameZh()).put("nameEn", found.getT2().nameEn())
                    .put("addressZh", found.getT2().addressZh()).put("addressEn", found.getT2().addressEn());
            byte[] payload = documents.canonical(content);
            return db.inTransaction(() -> documents.sign(payload).flatMap(signature -> db.sql("""
                                    INSERT INTO issued_statements (id, maker_id, month, content, hash, key_id, signature)
                                    VALUES (:id, :maker, :month, CAST(:content AS jsonb), :hash, :key, :signature)
                                    ON CONFLICT (maker_id, month) DO NOTHING""")
                            .bind("id", id).bind("maker", maker).bind("month", month.atDay(1)).bind("content", json.writeValueAsString(content))
                            .bind("hash", signature.hash()).bind("key", signature.keyId()).bind("signature", signature.signature())
                            .update()))
                    .then(find(maker, month));
        })));
    }

    private Mono<Issued> find(UUID maker, YearMonth month) {
        return db.sql("SELECT id, content::text AS content, hash, key_id, signature, issued_at FROM issued_statements WHERE maker_id = :maker AND month = :month")
                .bind("maker", maker).bind("month", month.atDay(1))
                .map(this::issued)
                .first();
    }

    /** The statement with this code and whether its signature holds; empty when no statement has this code. */
    public Mono<Checked> check(String code) {
        return Mono.justOrEmpty(SignedDocuments.Code.parse(code)).flatMap(parsed -> db.sql(
                        "SELECT id, content::text AS content, hash, key_id, signature, issued_at FROM issued_statements WHERE id = :id")
                .bind("id", parsed.id())
                .map(this::issued)
                .first()
                .filter(issued -> parsed.names(issued.signature())))
                .flatMap(issued -> documents.verify(issued.keyId(), issued.payload(), issued.signature())
                        .map(valid -> new Checked(issued, valid && SignedDocuments.sha256Hex(issued.payload()).equals(issued.hash()))));
    }

    private Issued issued(Readable row) {
        JsonNode content = json.readTree(row.get("content", String.class));
        return new Issued(row.get("id", UUID.class), content, documents.canonical(content), row.get("hash", String.class),
                row.get("key_id", String.class), row.get("signature", byte[].class), row.get("issued_at", OffsetDateTime.class));
    }

    /** Only a finished month has a statement to sign. */
    static final class NotFinished extends ProblemException {

        NotFinished(YearMonth month) {
            super(HttpStatus.CONFLICT, "Month not finished", month + " is not over yet; its statement can be signed from the first of next month.");
        }
    }
}
