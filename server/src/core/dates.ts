// Built once: constructing an Intl.DateTimeFormat loads time-zone and locale data and showed in
// request profiles when it was made per call. Formatting with a shared instance is stateless.
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Asia/Shanghai (YYYY-MM-DD), the calendar every party records days in. */
export function todayInShanghai(now = new Date()): string {
  return SHANGHAI_DATE.format(now);
}

/** Calendar arithmetic on YYYY-MM-DD strings (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday and Sunday of the week holding `date`. */
export function weekOf(date: string): { start: string; end: string } {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const start = addDays(date, dow === 0 ? -6 : 1 - dow);
  return { start, end: addDays(start, 6) };
}
