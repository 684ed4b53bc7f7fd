package org.socialworkshop.receipts.render;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialworkshop.receipts.ReceiptContent;
import org.socialworkshop.receipts.SignedReceipt;
import org.socialworkshop.receipts.render.EscPosReader.Part;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscPosTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;

    private final EscPos escPos = new EscPos(new QrCodes());
    private final SignedReceipt sale = SampleReceipts.sale();
    private final String url = SampleReceipts.url(sale);

    @ParameterizedTest
    @ValueSource(ints = {58, 80})
    void startsWithInitialiseAndEndsWithACut(int width) {
        byte[] bytes = escPos.render(sale, url, width, SHANGHAI);
        List<Part> parts = EscPosReader.read(bytes);

        assertThat(parts.get(0).is(ESC, '@')).isTrue();
        assertThat(parts.get(parts.size() - 1).is(GS, 'V', 66)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {58, 80})
    void theQrCodeIsDrawnByThePrinterFromExactlyTheUrl(int width) {
        List<Part> parts = EscPosReader.read(escPos.render(sale, url, width, SHANGHAI));
        byte[] urlBytes = url.getBytes(StandardCharsets.US_ASCII);
        int length = urlBytes.length + 3;

        int model = indexOf(parts, GS, '(', 'k', 4, 0, '1', 'A', '2', 0);
        int size = indexOf(parts, GS, '(', 'k', 3, 0, '1', 'C');
        int errorCorrectionM = indexOf(parts, GS, '(', 'k', 3, 0, '1', 'E', '1');
        int store = indexOf(parts, GS, '(', 'k', length & 0xFF, length >> 8, '1', 'P', '0');
        int print = indexOf(parts, GS, '(', 'k', 3, 0, '1', 'Q', '0');

        assertThat(List.of(model, size, errorCorrectionM, store, print)).doesNotContain(-1).isSorted();
        byte[] stored = parts.get(store).bytes();
        assertThat(new String(stored, 8, stored.length - 8, StandardCharsets.US_ASCII)).isEqualTo(url);
        assertThat(parts.get(size).bytes()[7]).isBetween((byte) 3, (byte) 8);
    }

    @ParameterizedTest
    @CsvSource({"58, 32", "80, 48"})
    void noLineIsWiderThanThePaper(int width, int columns) {
        for (SignedReceipt receipt : List.of(sale, SampleReceipts.refund())) {
            List<String> lines = lines(escPos.render(receipt, SampleReceipts.url(receipt), width, SHANGHAI));

            assertThat(lines).hasSizeGreaterThan(30).allSatisfy(line -> assertThat(columns(line)).isLessThanOrEqualTo(columns));
            assertThat(lines).contains("-".repeat(columns));
        }
    }

    @ParameterizedTest
    @CsvSource({"58, 32", "80, 48"})
    void amountsAreFlushRight(int width, int columns) {
        List<String> lines = lines(escPos.render(sale, url, width, SHANGHAI));

        assertThat(lines).filteredOn(line -> line.startsWith("  2 × 38.00"))
                .singleElement().satisfies(line -> {
                    assertThat(line).endsWith(" 76.00");
                    assertThat(columns(line)).isEqualTo(columns);
                });
        assertThat(lines).filteredOn(line -> line.startsWith("找零 Change")).singleElement()
                .satisfies(line -> {
                    assertThat(line).endsWith(" 63.00");
                    assertThat(columns(line)).isEqualTo(columns);
                });
    }

    @Test
    void chineseIsSentInGb18030() {
        byte[] bytes = escPos.render(sale, url, 80, SHANGHAI);

        assertThat(indexOf(bytes, "青花茶杯".getBytes(EscPosReader.GB18030))).isNotNegative();
        assertThat(indexOf(bytes, "成都市锦江区锦爱社会工坊".getBytes(EscPosReader.GB18030))).isNotNegative();
        assertThat(indexOf(bytes, "青花茶杯".getBytes(StandardCharsets.UTF_8))).isNegative();
        assertThat(EscPosReader.read(bytes).get(1).is(0x1C, '&')).as("Chinese mode right after initialise").isTrue();
    }

    @Test
    void labelsAreInChineseAndEnglish() {
        SignedReceipt refund = SampleReceipts.refund();
        List<String> lines = lines(escPos.render(refund, SampleReceipts.url(refund), 80, SHANGHAI));

        assertThat(lines).anyMatch(line -> line.contains("退款小票 Refund receipt"))
                .anyMatch(line -> line.startsWith("退款合计 Total refunded"))
                .anyMatch(line -> line.startsWith("银行卡（Stripe） Card (Stripe)"))
                .anyMatch(line -> line.contains("扫码验真 Scan to verify"))
                .contains("退款 ONLINE-12", "Refund of ONLINE-12")
                .as("a refund receipt naming no makers leaves the line out").noneMatch(line -> line.contains("Made by") || line.contains("手作："));
    }

    @Test
    void theTotalIsBoldAndDoubleHeight() {
        List<Part> parts = EscPosReader.read(escPos.render(sale, url, 58, SHANGHAI));
        int total = 0;
        while (!(parts.get(total).text() && parts.get(total).line().startsWith("合计 Total"))) {
            total++;
        }

        assertThat(parts.get(total).line()).endsWith("￥137.00");
        assertThat(parts.subList(total - 3, total)).map(Part::toString).containsExactly("1b 45 01", "1d 21 01", "1c 21 08");
        assertThat(parts.subList(total + 1, total + 4)).map(Part::toString).containsExactly("1d 21 00", "1c 21 00", "1b 45 00");
    }

    @Test
    void controlCharactersInReceiptTextCannotIssueCommands() {
        ReceiptContent content = sale.content();
        ReceiptContent.Line injected = new ReceiptContent.Line("茶\u001B@\u001DV\u0041\u0000杯", "cup\n\u001Bd\u0010", "",
                1, content.total(), content.total(), "0.13");
        ReceiptContent odd = new ReceiptContent(content.register(), content.number(), content.kind(), content.issuedAt(),
                content.orderNumber(), null, content.seller(), List.of(injected), content.taxes(), content.total(),
                content.tenders(), content.makers(), content.previousHash(), content.keyId());

        List<Part> parts = EscPosReader.read(escPos.render(new SignedReceipt(odd, sale.payload(), sale.hash(), sale.signature()),
                url, 58, SHANGHAI));

        assertThat(parts).filteredOn(part -> part.is(ESC, '@')).hasSize(1);
        assertThat(parts).filteredOn(part -> part.is(GS, 'V')).hasSize(1);
        assertThat(parts).filteredOn(Part::text).map(Part::line).contains("茶 @ VA 杯", "cup  d ");
    }

    @Test
    void onlyRollsOf58And80mmArePrinted() {
        assertThatThrownBy(() -> escPos.render(sale, url, 76, SHANGHAI)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> lines(byte[] bytes) {
        return EscPosReader.read(bytes).stream().filter(Part::text).map(Part::line).toList();
    }

    /** Columns in font A: a character of one byte in GB18030 takes one, any other two. */
    private static int columns(String line) {
        return line.codePoints().map(c -> new String(Character.toChars(c)).getBytes(EscPosReader.GB18030).length == 1 ? 1 : 2).sum();
    }

    private static int indexOf(List<Part> parts, int... prefix) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).is(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
