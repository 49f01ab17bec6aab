/**
 * A label whose values are capped: each metric series costs memory in this process and in
 * Prometheus, so values a client chooses (operation names) must not create series without end.
 * Trusted values (the operations of the trusted-document manifests) always pass; other values
 * pass until `capacity` distinct ones have been seen, then count as "other". A missing value is
 * "anonymous".
 */
export class BoundedLabel {
  private readonly trusted = new Set<string>();
  private readonly seen = new Set<string>();

  constructor(private readonly capacity: number) {}

  trust(values: Iterable<string>): void {
    for (const value of values) this.trusted.add(value);
  }

  of(value: string | null | undefined): string {
    if (!value) return 'anonymous';
    if (this.trusted.has(value) || this.seen.has(value)) return value;
    if (this.seen.size >= this.capacity) return 'other';
    this.seen.add(value);
    return value;
  }
}
