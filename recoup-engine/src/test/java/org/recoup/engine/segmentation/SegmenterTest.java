package org.recoup.engine.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recoup.engine.segmentation.CaseBuilder.aCase;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Segmentation as PRACTICE §3 describes it, with the shipped {@link SegmentationPolicy#defaults()}. */
class SegmenterTest {

    @Nested
    class Grades {

        @Test
        void shortDelinquencyWithCleanHistoryIsGradeA() {
            Segment s = aCase().dpd(12).segment();
            assertThat(s.grade()).isEqualTo(Grade.A);
            assertThat(s.explanation()).anyMatch(l -> l.startsWith("grade A: short delinquency"));
        }

        @Test
        void aBrokenPromiseMakesAShortDelinquencyGradeB() {
            assertThat(aCase().dpd(12).brokenPromise(3).segment().grade()).isEqualTo(Grade.B);
        }

        @Test
        void partialPaymentsMakeGradeB() {
            Segment s = aCase().dpd(12).partialPayments(1).segment();
            assertThat(s.grade()).isEqualTo(Grade.B);
            assertThat(s.tags()).contains(SegmentTag.REPEAT_PARTIAL);
        }

        @Test
        void delinquencyBeyondOneCycleIsGradeB() {
            assertThat(aCase().dpd(45).segment().grade()).isEqualTo(Grade.B);
        }

        @Test
        void longDelinquencyIsGradeC() {
            Segment s = aCase().dpd(60).segment();
            assertThat(s.grade()).isEqualTo(Grade.C);
            assertThat(s.explanation()).contains("grade C: long delinquency: dpd 60 >= 60");
        }

        @Test
        void lostContactIsGradeCEvenWhenShort() {
            assertThat(aCase().dpd(3).noValidNumber().segment().grade()).isEqualTo(Grade.C);
        }

        @Test
        void aRecentRefusalIsGradeC() {
            assertThat(aCase().dpd(3).refusedToPay().segment().grade()).isEqualTo(Grade.C);
        }
    }

    @Nested
    class WillingnessAndAbility {

        @Test
        void aCleanNewDelinquencyIsWillingAndAble() {
            Segment s = aCase().dpd(2).segment();
            assertThat(s.quadrant()).isEqualTo(Quadrant.WILLING_ABLE);
            assertThat(s.explanation()).contains("ability HIGH: no evidence; policy default");
        }

        @Test
        void refusalMakesWillingnessLow() {
            assertThat(aCase().dpd(20).refusedToPay().segment().willingness()).isEqualTo(Level.LOW);
        }

        @Test
        void twoBrokenPromisesMakeWillingnessLow() {
            Segment s = aCase().dpd(20).brokenPromises(2).segment();
            assertThat(s.willingness()).isEqualTo(Level.LOW);
            assertThat(s.explanation()).contains("willingness LOW: 2 broken promises >= 2");
        }

        @Test
        void aRecentPaymentShowsWillingness() {
            assertThat(aCase().dpd(40).lastPaid(10).segment().willingness()).isEqualTo(Level.HIGH);
        }

        @Test
        void hidingWithoutContactIsUnwilling() {
            assertThat(aCase().dpd(25).failedAttempts(6).segment().willingness()).isEqualTo(Level.LOW);
        }

        @Test
        void hardshipWithoutAssetsIsWillingButUnable() {
            Segment s = aCase().dpd(20).hardship().lastPaid(5).segment();
            assertThat(s.quadrant()).isEqualTo(Quadrant.WILLING_UNABLE);
            assertThat(s.tags()).contains(SegmentTag.HARDSHIP);
        }

        @Test
        void hardshipWithKnownAssetsStaysAble() {
            assertThat(aCase().dpd(20).hardship().knownAssets().segment().ability()).isEqualTo(Level.HIGH);
        }

        @Test
        void repeatedPartialPaymentsWithoutIncomeShowLowAbility() {
            Segment s = aCase().dpd(20).partialPayments(2).lastPaid(3).segment();
            assertThat(s.quadrant()).isEqualTo(Quadrant.WILLING_UNABLE);
        }

        @Test
        void refusingWithKnownIncomeIsUnwillingButAble() {
            assertThat(aCase().dpd(20).refusedToPay().knownIncome().segment().quadrant())
                    .isEqualTo(Quadrant.UNWILLING_ABLE);
        }

        @Test
        void incarceratedAndRefusingIsUnwillingAndUnable() {
            Segment s = aCase().dpd(100).incarcerated().refusedToPay().segment();
            assertThat(s.quadrant()).isEqualTo(Quadrant.UNWILLING_UNABLE);
            assertThat(s.tags()).contains(SegmentTag.INCARCERATED);
        }

        @Test
        void abilityWhenUnknownIsPolicy() {
            SegmentationPolicy d = SegmentationPolicy.defaults();
            SegmentationPolicy cautious = new SegmentationPolicy(2, d.gradeAMaxDpd(), d.gradeCFromDpd(),
                    d.partialPaymentsForB(), d.lostContactAfterFailures(), d.brokenPromisesForLowWillingness(),
                    d.refusalsForLowWillingness(), d.recentPaymentDays(), d.professionalDebtorBrokenPromises(),
                    d.partialPaymentsForLowAbility(), Level.LOW);
            Segment s = aCase().dpd(5).segmentationPolicy(cautious).segment();
            assertThat(s.ability()).isEqualTo(Level.LOW);
            assertThat(s.policyVersion()).isEqualTo(2);
        }
    }

    @Nested
    class Tags {

        @Test
        void deceasedBankruptIncarceratedAndComplaintAreTagged() {
            Segment s = aCase().dpd(30).deceased().bankrupt().incarcerated().complaint().segment();
            assertThat(s.tags()).contains(SegmentTag.DECEASED, SegmentTag.BANKRUPT, SegmentTag.INCARCERATED,
                    SegmentTag.COMPLAINT);
        }

        @Test
        void disputesAndClaimsOfPaymentAreTagged() {
            assertThat(aCase().dpd(30).disputed().claimsAlreadyPaid().segment().tags())
                    .contains(SegmentTag.DISPUTE, SegmentTag.CLAIMS_PAID);
        }

        @Test
        void fiveStraightFailedAttemptsLoseContact() {
            assertThat(aCase().dpd(8).failedAttempts(4).segment().tags()).doesNotContain(SegmentTag.LOST_CONTACT);
            assertThat(aCase().dpd(8).failedAttempts(5).segment().tags()).contains(SegmentTag.LOST_CONTACT);
        }

        @Test
        void threeBrokenPromisesNoneKeptWhileReachableIsAProfessionalDebtor() {
            Segment s = aCase().dpd(40).brokenPromises(3).rightPartyContacts(1, 2, 5).segment();
            assertThat(s.tags()).contains(SegmentTag.PROFESSIONAL_DEBTOR, SegmentTag.BROKEN_PROMISES);
            assertThat(s.willingness()).isEqualTo(Level.LOW);
        }

        @Test
        void tagsIterateInDeclarationOrder() {
            Segment s = aCase().dpd(30).complaint().deceased().segment();
            assertThat(s.tags()).containsExactly(SegmentTag.DECEASED, SegmentTag.COMPLAINT);
        }
    }

    @Test
    void everyConclusionIsExplained() {
        Segment s = aCase().dpd(20).refusedToPay().knownIncome().segment();
        assertThat(s.explanation()).anyMatch(l -> l.startsWith("willingness LOW"))
                .anyMatch(l -> l.startsWith("ability HIGH"))
                .anyMatch(l -> l.startsWith("quadrant UNWILLING_ABLE"))
                .anyMatch(l -> l.startsWith("grade C"));
    }

    @Test
    void segmentationIsDeterministic() {
        CaseBuilder c = aCase().dpd(33).brokenPromise(2).partialPayments(1).failedAttempts(2);
        assertThat(c.segment()).isEqualTo(c.segment());
    }

    @Test
    void inconsistentPromiseHistoryIsRejected() {
        assertThatThrownBy(() -> new PtpHistory(1, 1, 1, PtpStatus.BROKEN, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds promises made");
        assertThatThrownBy(() -> new PtpHistory(1, 0, 0, PtpStatus.PENDING, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PENDING");
    }

    @Test
    void policyThresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new SegmentationPolicy(1, 60, 30, 1, 5, 2, 1, 30, 3, 2, Level.HIGH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
