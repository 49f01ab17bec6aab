import { badInput } from '../errors';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (text: string) => UUID.test(text);

/**
 * Reads an input field holding the global id of one of `types` whose key is a uuid, and returns
 * the key (lower case); anything else is BAD_USER_INPUT naming the field.
 */
export function uuidKeyFromInput(id: string, types: string[], field: string): string {
  const decoded = fromGlobalId(id);
  if (!decoded || !types.includes(decoded.type) || !isUuid(decoded.key))
    throw badInput(field, `${field} is not an id of ${types.join(' or ')}`);
  return decoded.key.toLowerCase();
}
