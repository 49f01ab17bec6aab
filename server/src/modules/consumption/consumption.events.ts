/** A purchase was recorded (see `purchaseRecorded`). */
export const PURCHASE_RECORDED = 'purchaseRecorded';
/** A purchase was verified or voided (see `purchaseStatusChanged`). */
export const PURCHASE_STATUS_CHANGED = 'purchaseStatusChanged';
