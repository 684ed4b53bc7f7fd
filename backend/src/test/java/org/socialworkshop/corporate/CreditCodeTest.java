package org.socialworkshop.corporate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13, item 9: the unified social credit code's checksum (GB 32100-2015), on codes of real companies and typos. */
class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "9144030071526726XG", // 深圳市腾讯计算机系统有限公司
            "91110108551385082Q", // 北京小米科技有限责任公司
            "91350100M000100Y43", // the standard's own example
    })
    void codesOfRegisteredCompaniesAreValid(String code) {
        assertThat(CreditCode.valid(code)).isTrue();
        assertThat(CreditCode.parse(" " + code.toLowerCase() + " ")).map(CreditCode::value).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "9144030071526726XH", // wrong check character
            "9144030071526727XG", // one character mistyped
            "9144030017526726XG", // two characters swapped
            "9144030071526726X", // 17 characters
            "9144030071526726XGG", // 19
            "91440300715267I6XG", // I is not in the alphabet
            "914403A071526726XG", // a letter in the division
            "",
    })
    void typosAreCaught(String code) {
        assertThat(CreditCode.valid(code)).isFalse();
        assertThat(CreditCode.parse(code)).isEmpty();
    }

    @Test
    void theCheckCharacterCompletesAnySeventeen() {
        assertThat(CreditCode.checkCharacter("9144030071526726X")).isEqualTo('G');
        // Every possible remainder, including the one whose check character is 0 (31 − 0 wraps round).
        java.util.Set<Character> seen = new java.util.HashSet<>();
        for (int n = 0; n < 2000; n++) {
            String first17 = "915101" + String.format("%02d", n % 100) + "MA" + String.format("%07d", n);
            char check = CreditCode.checkCharacter(first17);
            assertThat(CreditCode.valid(first17 + check)).as(first17).isTrue();
            seen.add(check);
        }
        assertThat(seen).hasSize(31);
    }
}
