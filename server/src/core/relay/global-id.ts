/**
 * Opaque global ids (Relay): base64url of "<TypeName>:<key>". Clients must not parse them; we
 * decode them only to route `node(id)` and to read ids passed in inputs.
 */
export function toGlobalId(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string): { type: string; key: string } | null {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return null;
  return { type: text.slice(0, colon), key: text.slice(colon + 1) };
}
