import { graphql } from '../gql';

/** The portal's own monitoring document: cases whose notice has ended and still wait for the next step. */
export const OverdueNoticesDocument = graphql(`
  query PortalOverdueNotices($regionCode: String!, $first: Int!) {
    monitoringCases(filter: { regionCode: $regionCode, noticeOverdue: true }, first: $first) {
      totalCount
      edges { node { id status category notice { kind endsOn } village { name } household { headName } } }
    }
  }
`);
