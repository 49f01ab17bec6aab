/** A pairing was created or changed status (see `pairingChanged`). */
export const PAIRING_CHANGED = 'pairingChanged';
