package org.socialworkshop.receipts.render;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnsTest {

    @Test
    void chineseTakesTwoColumnsAndAsciiOne() {
        assertThat(Columns.width("合计 Total")).isEqualTo(10);
        assertThat(Columns.width("￥1.00")).isEqualTo(6);
    }

    @Test
    void wrapsAtSpacesWhereThereAreSome() {
        assertThat(Columns.wrap("Made by workshop makers", 12)).containsExactly("Made by", "workshop", "makers");
    }

    @Test
    void wrapsChineseAndUnbrokenTextAnywhereWithoutSplittingACharacter() {
        assertThat(Columns.wrap("四川省成都市锦江区", 7)).containsExactly("四川省", "成都市", "锦江区");
        assertThat(Columns.wrap("https://shop.example/r/X", 10)).containsExactly("https://sh", "op.example", "/r/X");
    }

    @Test
    void spreadsALabelAndAnAmountToBothEdges() {
        assertThat(Columns.spread("合计 Total", "137.00", 20)).containsExactly("合计 Total    137.00");
    }

    @Test
    void givesTheAmountItsOwnLineWhenBothDoNotFit() {
        List<String> lines = Columns.spread("银行卡（stripe） Card (stripe)", "38.00", 32);

        assertThat(lines).containsExactly("银行卡（stripe） Card (stripe)", "                           38.00");
    }

    @Test
    void centresInTheColumns() {
        assertThat(Columns.center("票号", 10)).containsExactly("   票号");
    }
}
