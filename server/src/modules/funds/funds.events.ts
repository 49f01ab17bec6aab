/** A project entered the library, moved a step, or was paid (see `projectChanged`). */
export const PROJECT_CHANGED = 'projectChanged' as const;
