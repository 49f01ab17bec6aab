/** A year of a village's indicators was recorded (see `villageIndicatorsUpdated`). */
export const VILLAGE_INDICATORS_UPDATED = 'villageIndicatorsUpdated';
