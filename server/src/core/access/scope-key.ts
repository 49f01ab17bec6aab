import type { Viewer } from '../auth/viewer';

/**
 * The part of a viewer every access policy decides on: role, region and provider. Two viewers
 * with the same key see the same rows and receive the same events, so work done for one (a live
 * event's scope check, a subscription result) can serve the other.
 */
export function scopeKeyOf(viewer: Viewer): string {
  return `${viewer.role}|${viewer.regionCode ?? ''}|${viewer.providerId ?? ''}`;
}
