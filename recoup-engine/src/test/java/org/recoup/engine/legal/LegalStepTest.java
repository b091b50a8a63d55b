package org.recoup.engine.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.engine.legal.LegalStep.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class LegalStepTest {

    @Test
    void theFullPathIsAllowedInOrder() {
        assertThat(LegalStep.refusal(List.of(), LAWYER_LETTER)).isNull();
        assertThat(LegalStep.refusal(List.of(LAWYER_LETTER), MEDIATION)).isNull();
        assertThat(LegalStep.refusal(List.of(LAWYER_LETTER, MEDIATION), LAWSUIT)).isNull();
        assertThat(LegalStep.refusal(List.of(LAWYER_LETTER, MEDIATION, LAWSUIT), JUDGMENT)).isNull();
        assertThat(LegalStep.refusal(List.of(LAWYER_LETTER, MEDIATION, LAWSUIT, JUDGMENT), ENFORCEMENT)).isNull();
    }

    @Test
    void theLetterAndMediationMayBeSkipped() {
        assertThat(LegalStep.refusal(List.of(), LAWSUIT)).isNull();
        assertThat(LegalStep.refusal(List.of(LAWYER_LETTER), LAWSUIT)).isNull();
    }

    @Test
    void aJudgmentNeedsALawsuitAndEnforcementAJudgment() {
        assertThat(LegalStep.refusal(List.of(LAWYER_LETTER), JUDGMENT)).contains("needs a LAWSUIT");
        assertThat(LegalStep.refusal(List.of(LAWSUIT), ENFORCEMENT)).contains("needs a JUDGMENT");
    }

    @Test
    void stepsNeverGoBackNorRepeat() {
        assertThat(LegalStep.refusal(List.of(LAWSUIT), MEDIATION)).contains("cannot follow LAWSUIT");
        assertThat(LegalStep.refusal(List.of(LAWYER_LETTER), LAWYER_LETTER)).contains("already recorded");
    }
}
