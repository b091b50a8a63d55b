package org.recoup.engine.visit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionTest {

    @Test
    void aChineseAddressIsReadToItsCityAndDistrict() {
        assertThat(Region.of("上海市浦东新区张杨路500号")).isEqualTo(new Region("上海市", "浦东新区"));
        assertThat(Region.of("广东省深圳市南山区科技园南区8栋")).isEqualTo(new Region("深圳市", "南山区"));
        assertThat(Region.of("浙江省杭州市桐庐县城南街道")).isEqualTo(new Region("杭州市", "桐庐县"));
    }

    @Test
    void aLatinAddressIsReadFromItsParts() {
        assertThat(Region.of("12 High Street, Camden, London, NW1 8QL")).isEqualTo(new Region("London", "Camden"));
        assertThat(Region.of("5 Main St, Springfield")).isEqualTo(new Region("Springfield", "5 Main St"));
    }

    @Test
    void anUnreadableAddressIsUnknown() {
        assertThat(Region.of("  ")).isEqualTo(new Region("?", "?"));
    }
}
