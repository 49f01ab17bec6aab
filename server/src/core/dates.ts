/** Today's calendar date in Asia/Shanghai (YYYY-MM-DD), the calendar every party records days in. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
