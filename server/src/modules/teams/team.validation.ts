import { todayInShanghai } from '../../core/dates';
import { badInput } from '../../core/errors';
import { uuidKeyFromInput } from '../../core/relay/global-id';

/** Reads a global id of `type` with a uuid key from an input field, or fails naming that field. */
export const keyFromId = (id: string, type: string, field: string): string => uuidKeyFromInput(id, [type], field);

export function notInFuture(date: string, field: string): void {
  const today = todayInShanghai();
  if (date > today) throw badInput(field, `${field} ${date} is in the future (today is ${today} in Asia/Shanghai)`);
}
