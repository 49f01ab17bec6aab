import { MAX_PAGE_SIZE, type ConnectionData, type PageInput } from '../relay/connection';
import { badInput } from '../errors';
import { isCalendarDate } from '../scalars';

/**
 * Every node of a paged service read, page after page of the API's largest page, stopping once
 * `limit` are collected. Ledgers read through the same service methods as the GraphQL lists,
 * so an export can never show a row the API would not.
 */
export async function collectPages<T>(
  fetch: (page: PageInput) => Promise<ConnectionData<T>>,
  limit: number,
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  while (nodes.length < limit) {
    const page: ConnectionData<T> = await fetch({ first: MAX_PAGE_SIZE, after });
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.edges.length) break;
    after = page.edges[page.edges.length - 1].cursor;
  }
  return nodes.slice(0, limit);
}

/** A YYYY-MM-DD query parameter, or undefined when absent. */
export function dateParameter(parameters: Record<string, string>, name: string): string | undefined {
  const value = parameters[name];
  if (value === undefined || value === '') return undefined;
  if (!isCalendarDate(value)) throw badInput(name, `${name} must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

/** A four-digit year query parameter, or undefined when absent. */
export function yearParameter(parameters: Record<string, string>, name: string): number | undefined {
  const value = parameters[name];
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}$/.test(value)) throw badInput(name, `${name} must be a year such as 2025, got "${value}"`);
  return Number(value);
}

/** `from` not after `to`, when both are given. */
export function requireOrdered(from: string | undefined, to: string | undefined): void {
  if (from && to && to < from) throw badInput('to', 'to must not be before from');
}
