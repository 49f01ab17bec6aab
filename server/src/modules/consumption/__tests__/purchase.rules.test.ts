import {
  EARLIEST_PURCHASE_DATE,
  MAX_PURCHASE_LINES,
  certificateCovers,
  certificateOn,
  certificationProblem,
  headerProblems,
  isAmount,
  isQuantity,
  lineCountProblem,
  lineProblems,
} from '../purchase.rules';

const TODAY = '2026-11-30';
const header = (change: Partial<{ clientReference: string; channel: string; purchasedOn: string }> = {}) =>
  headerProblems({ clientReference: 'order-1', channel: 'CANTEEN', purchasedOn: '2026-03-02', ...change }, TODAY);
const line = (change: Partial<{ quantity: string; unit: string; amount: string }> = {}) =>
  lineProblems({ quantity: '2', unit: '公斤', amount: '10.00', ...change });
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('purchase header rules', () => {
  it('accepts a well-formed purchase', () => {
    expect(header()).toEqual([]);
  });

  it('takes dates from 2000-01-01 through today, both included', () => {
    expect(EARLIEST_PURCHASE_DATE).toBe('2000-01-01');
    expect(header({ purchasedOn: '2000-01-01' })).toEqual([]);
    expect(fields(header({ purchasedOn: '1999-12-31' }))).toEqual(['purchasedOn']);
    expect(header({ purchasedOn: TODAY })).toEqual([]);
    expect(fields(header({ purchasedOn: '2026-12-01' }))).toEqual(['purchasedOn']);
    expect(fields(header({ purchasedOn: '2026-02-30' }))).toEqual(['purchasedOn']);
  });

  it('refuses a reference that is blank, too long, or holds control characters', () => {
    expect(fields(header({ clientReference: ' ' }))).toEqual(['clientReference']);
    expect(fields(header({ clientReference: '' }))).toEqual(['clientReference']);
    expect(fields(header({ clientReference: 'x\u0000y' }))).toEqual(['clientReference']);
    expect(header({ clientReference: 'x'.repeat(100) })).toEqual([]);
    expect(fields(header({ clientReference: 'x'.repeat(101) }))).toEqual(['clientReference']);
    expect(header({ clientReference: `  ${'x'.repeat(100)}  ` })).toEqual([]);
  });

  it('refuses an unknown channel', () => {
    expect(fields(header({ channel: 'NOWHERE' }))).toEqual(['channel']);
  });
});

describe('purchase line rules', () => {
  it('refuses zero and negative amounts and quantities, and too many decimals', () => {
    expect(line()).toEqual([]);
    expect(isAmount('0.01')).toBe(true);
    for (const amount of ['0', '0.00', '-1', '-0.01', '1.005', '']) {
      expect(fields(line({ amount }))).toEqual(['amount']);
    }
    expect(isQuantity('0.001')).toBe(true);
    for (const quantity of ['0', '0.000', '-2', '1.0005']) {
      expect(fields(line({ quantity }))).toEqual(['quantity']);
    }
  });

  it('refuses a blank unit or one of more than 20 characters', () => {
    expect(fields(line({ unit: ' ' }))).toEqual(['unit']);
    expect(line({ unit: '箱'.repeat(20) })).toEqual([]);
    expect(fields(line({ unit: '箱'.repeat(21) }))).toEqual(['unit']);
  });

  it('holds one to 200 lines', () => {
    expect(lineCountProblem(0)).not.toBeNull();
    expect(lineCountProblem(1)).toBeNull();
    expect(lineCountProblem(MAX_PURCHASE_LINES)).toBeNull();
    expect(lineCountProblem(MAX_PURCHASE_LINES + 1)).not.toBeNull();
  });
});

describe('certification on the purchase date', () => {
  const certificate = {
    certificateNumber: 'A-1',
    validFrom: '2025-06-01',
    validUntil: '2026-05-31',
    revokedFrom: null,
  };

  it('covers both ends of the validity period and nothing outside it', () => {
    expect(certificateCovers(certificate, '2025-05-31')).toBe(false);
    expect(certificateCovers(certificate, '2025-06-01')).toBe(true);
    expect(certificateCovers(certificate, '2026-05-31')).toBe(true);
    expect(certificateCovers(certificate, '2026-06-01')).toBe(false);
  });

  it('is open-ended without an end date, and stops the day a revocation takes effect', () => {
    const open = { ...certificate, validUntil: null };
    expect(certificateCovers(open, '2099-12-31')).toBe(true);
    const revoked = { ...open, revokedFrom: '2026-01-10' };
    expect(certificateCovers(revoked, '2026-01-09')).toBe(true);
    expect(certificateCovers(revoked, '2026-01-10')).toBe(false);
  });

  it('finds the certificate of the day among several, across a gap between renewals', () => {
    const renewal = { certificateNumber: 'A-2', validFrom: '2026-07-01', validUntil: null, revokedFrom: null };
    const both = [renewal, certificate];
    expect(certificateOn(both, '2026-05-31')?.certificateNumber).toBe('A-1');
    expect(certificateOn(both, '2026-06-15')).toBeNull();
    expect(certificateOn(both, '2026-07-01')?.certificateNumber).toBe('A-2');
  });

  it('explains a refusal with the product and its periods', () => {
    expect(certificationProblem({ name: '土猪肉', certifications: [] }, '2026-01-01')).toMatch(/土猪肉 has never been/);
    expect(certificationProblem({ name: '樱桃', certifications: [certificate] }, '2026-06-01')).toBe(
      '樱桃 is not certified for consumption support on 2026-06-01 (认定有效期: A-1 2025-06-01 to 2026-05-31)',
    );
    expect(certificationProblem({ name: '樱桃', certifications: [certificate] }, '2026-05-31')).toBeNull();
  });
});
