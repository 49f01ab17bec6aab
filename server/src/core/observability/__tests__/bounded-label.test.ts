import { BoundedLabel } from '../bounded-label';

describe('BoundedLabel', () => {
  it('keeps trusted values always, others up to the capacity, and names the rest "other"', () => {
    const label = new BoundedLabel(2);
    label.trust(['VillageList']);
    expect(label.of('A')).toBe('A');
    expect(label.of('B')).toBe('B');
    expect(label.of('C')).toBe('other');
    expect(label.of('A')).toBe('A');
    expect(label.of('VillageList')).toBe('VillageList');
    expect(label.of(undefined)).toBe('anonymous');
    expect(label.of('')).toBe('anonymous');
  });

  it('never yields more distinct values than trusted + capacity + 2, however many arrive', () => {
    const label = new BoundedLabel(10);
    const values = new Set(Array.from({ length: 10_000 }, (_, i) => label.of(`Op${i}`)));
    expect(values.size).toBe(11);
  });
});
