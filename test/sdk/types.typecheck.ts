/**
 * Compile-time checks of the SDK's types, covered by `npm run typecheck` (never executed): each
 * `@ts-expect-error` fails the type-check if the line below it ever compiles.
 */
import { parse } from 'graphql';
import { createPlatformClient, PurchasesDocument, type ErrorCode, type PlatformError } from '@xiangcun/assistance-sdk';

export async function typeChecks(): Promise<void> {
  const client = createPlatformClient({ url: 'http://localhost:4000/graphql', token: 't' });

  const villages = await client.villages({ first: 10, filter: { regionCode: '519902' } });
  const name: string = villages.edges[0].node.name;
  // @ts-expect-error a misspelled field of a result
  void villages.edges[0].node.nmae;
  // @ts-expect-error a wrong variable type: `first` is an Int
  await client.villages({ first: 'ten' });
  // @ts-expect-error an unknown variable
  await client.villages({ regionCode: '519902' });
  const pigeon = {
    buyerId: 'x',
    clientReference: 'r',
    channel: 'BY_PIGEON' as const,
    purchasedOn: '2026-01-01',
    lines: [],
  };
  // @ts-expect-error a wrong enum value in a mutation input
  await client.recordPurchase(pigeon);
  const line = { productId: 'p', quantity: '1', unit: '箱', amount: 75 };
  const byNumber = {
    buyerId: 'x',
    clientReference: 'r',
    channel: 'DIRECT' as const,
    purchasedOn: '2026-01-01',
    lines: [line],
  };
  // @ts-expect-error money is an exact decimal string, never a number
  await client.recordPurchase(byNumber);
  // @ts-expect-error groupBy takes StatsDimension values
  await client.consumptionStats({ groupBy: ['WEEK'] });

  // Generic requests: typed documents only, with their variables checked.
  const purchases = await client.request(PurchasesDocument, { first: 5 });
  const amount: string = purchases.purchases.edges[0].node.totalAmount;
  // @ts-expect-error a misspelled field of a typed document's result
  void purchases.purchases.edges[0].node.totalAmmount;
  // @ts-expect-error a wrong variable type in a typed document
  await client.request(PurchasesDocument, { first: '5' });
  // A document nobody generated types for gives an `unknown` result: nothing can be read unchecked.
  const untyped = await client.request(parse('query { villages { totalCount } }'));
  // @ts-expect-error an untyped document's result must be narrowed before use
  void untyped.villages;

  client.live.purchaseRecorded(
    { filter: { regionCode: '519902' } },
    {
      next: (event) => {
        const cursor: string = event.purchaseRecorded.cursor;
        // @ts-expect-error a misspelled field of an event
        void event.purchaseRecorded.purchse;
        void cursor;
      },
      error: (error: PlatformError) => {
        const code: ErrorCode = error.code;
        const fields: string[] = error.fields;
        // @ts-expect-error codes are a closed set
        if (error.code === 'NOT_A_CODE') return;
        void [code, fields];
      },
    },
  );
  void [name, amount];
}
