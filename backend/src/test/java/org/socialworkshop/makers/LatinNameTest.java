package org.socialworkshop.makers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese names in pinyin: no tone marks, family name first and capitalised, then the given name as one word. */
class LatinNameTest {

    @Test
    void familyNameFirstThenTheGivenNameAsOneWord() {
        assertThat(LatinName.of("赵丽")).isEqualTo("Zhao Li");
        assertThat(LatinName.of("王小明")).isEqualTo("Wang Xiaoming");
        assertThat(LatinName.of(" 陈 静 ")).isEqualTo("Chen Jing");
    }

    @Test
    void compoundAndPolyphonicFamilyNamesReadAsFamilyNames() {
        assertThat(LatinName.of("欧阳娜娜")).isEqualTo("Ouyang Nana");
        assertThat(LatinName.of("曾伟")).isEqualTo("Zeng Wei");
        assertThat(LatinName.of("单雪")).isEqualTo("Shan Xue");
    }

    @Test
    void umlautStaysAndLatinNamesAreKept() {
        assertThat(LatinName.of("吕强")).isEqualTo("Lü Qiang");
        assertThat(LatinName.of("Anna Schmidt")).isEqualTo("Anna Schmidt");
        assertThat(LatinName.of("")).isEmpty();
    }
}
