package org.recoup.app.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactMaskingTest {

    @Test
    void mobileNumberKeepsFirstThreeAndLastFourDigits() {
        assertThat(ContactMasking.mask("MOBILE", "13900000001")).isEqualTo("139****0001");
    }

    @Test
    void phoneSeparatorsAreDroppedBeforeMasking() {
        assertThat(ContactMasking.mask("WORK_PHONE", "021-6888-1234")).isEqualTo("021****1234");
        assertThat(ContactMasking.mask("HOME_PHONE", "(010) 8765 4321")).isEqualTo("010****4321");
    }

    @Test
    void maskedPhoneDoesNotRevealHowManyDigitsWereHidden() {
        assertThat(ContactMasking.mask("MOBILE", "+86 139 0000 0001")).isEqualTo("861****0001");
        assertThat(ContactMasking.mask("MOBILE", "12345678")).isEqualTo("123****5678");
    }

    @Test
    void shortPhoneNumberKeepsOnlyItsLastTwoDigits() {
        assertThat(ContactMasking.mask("HOME_PHONE", "8765432")).isEqualTo("****32");
        assertThat(ContactMasking.mask("HOME_PHONE", "110")).isEqualTo("****");
    }

    @Test
    void emailKeepsFirstCharacterAndDomain() {
        assertThat(ContactMasking.mask("EMAIL", "li.lei@example.com")).isEqualTo("l***@example.com");
        assertThat(ContactMasking.mask("EMAIL", "x@example.com")).isEqualTo("x***@example.com");
    }

    @Test
    void malformedEmailIsHiddenCompletely() {
        assertThat(ContactMasking.mask("EMAIL", "not-an-address")).isEqualTo("***");
        assertThat(ContactMasking.mask("EMAIL", "@example.com")).isEqualTo("***");
        assertThat(ContactMasking.mask("EMAIL", "someone@")).isEqualTo("***");
    }

    @Test
    void addressKeepsItsFirstSixCharacters() {
        assertThat(ContactMasking.mask("ADDRESS", "上海市浦东新区世纪大道100号")).isEqualTo("上海市浦东新***");
        assertThat(ContactMasking.mask("ADDRESS", "221B Baker Street, London")).isEqualTo("221B B***");
    }

    @Test
    void shortAddressKeepsOnlyItsFirstHalf() {
        assertThat(ContactMasking.mask("ADDRESS", "北京市朝阳")).isEqualTo("北京***");
    }

    @Test
    void charactersOutsideTheBasicPlaneAreNotSplit() {
        assertThat(ContactMasking.mask("ADDRESS", "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇")).isEqualTo("𠀀𠀁𠀂𠀃𠀄𠀅***");
        assertThat(ContactMasking.mask("EMAIL", "𠀀abc@example.com")).isEqualTo("𠀀***@example.com");
    }

    @Test
    void unknownContactTypeIsHiddenCompletely() {
        assertThat(ContactMasking.mask("FAX", "0211234567")).isEqualTo("***");
    }
}
