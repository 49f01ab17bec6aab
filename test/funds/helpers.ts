import { toGlobalId } from '../../server/src/core/relay/global-id';
import { Role } from '../../server/src/core/auth/viewer';
import { seedId } from '../../seeds/load';
import { tokenFor, type TestServer } from '../harness/server';

/** Shared fixtures of the funds and posts tests: the six-village county 519902 of the demo data. */
export const COUNTY = '519902000000';
export const KEY_VILLAGE_1 = '519902100201';
export const HESHENG = '519902100202';
export const KEY_VILLAGE_3 = '519902101201';
export const ORDINARY_VILLAGE_JIA = '519902100204';
export const TOWNSHIP_JIA = '519902100000';

export const countyOfficial = () => tokenFor({ role: Role.REGION_OFFICIAL, region: COUNTY });
export const townshipOfficial = () => tokenFor({ role: Role.REGION_OFFICIAL, region: TOWNSHIP_JIA });
export const otherCountyOfficial = () => tokenFor({ role: Role.REGION_OFFICIAL, region: '210404000000' });
export const cityOfficial = () => tokenFor({ role: Role.REGION_OFFICIAL, region: '519900000000' });
export const orgDepartment = () => tokenFor({ role: Role.ORG_DEPARTMENT, region: COUNTY });
export const enterprise = (key: string) => tokenFor({ role: Role.ENTERPRISE, provider: seedId('provider', key) });
export const unit = (key: string) => tokenFor({ role: Role.ASSISTANCE_UNIT, provider: seedId('provider', key) });

export const villageId = (code: string) => toGlobalId('Village', code);
export const projectId = (key: string) => toGlobalId('Project', seedId('project', key));
export const allocationId = (key: string) => toGlobalId('FundAllocation', seedId('fund-allocation', key));
export const assetId = (key: string) => toGlobalId('ProjectAsset', seedId('project-asset', key));
export const enterpriseId = (key: string) => toGlobalId('Enterprise', seedId('provider', key));
export const unitId = (key: string) => toGlobalId('AssistanceUnit', seedId('provider', key));

export const RECORD_ALLOCATION = `mutation($input: RecordFundAllocationInput!) {
  recordFundAllocation(input: $input) { allocation { id year source amount inPlaceOn inPlaceByDeadline paidAmount remainingAmount } }
}`;
export const PROPOSE = `mutation($input: ProposeProjectInput!) {
  proposeProject(input: $input) { project { id status year totalBudget keyVillagesOnly villages { code } history { from to date actorRole actorRegionCode } } }
}`;
export const MOVE = `mutation($input: MoveProjectInput!) {
  moveProject(input: $input) { project { id status statusChangedOn actualStart announcementStart announcementEnd nextStatuses history { from to date actorRole actorRegionCode note } } }
}`;
export const PAY = `mutation($input: RecordProjectPaymentInput!) {
  recordProjectPayment(input: $input) { payment { id amount paidOn stage source allocation { id } } project { paidAmount budget { source amount paid } } }
}`;

/** Records an allocation as the county and returns its id. */
export async function allocate(
  server: TestServer,
  input: { year: number; source: string; amount: string; allocatedOn: string; inPlaceOn?: string; providerId?: string },
): Promise<string> {
  const response = await server.gql(RECORD_ALLOCATION, { input: { countyCode: '519902', ...input } }, countyOfficial());
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.recordFundAllocation.allocation.id;
}

/**
 * Enters a project and takes it through the library to STARTED as the county, with dates early in
 * `year`; returns its id.
 */
export async function startedProject(
  server: TestServer,
  input: {
    name: string;
    year: number;
    villages: string[];
    budget: { source: string; amount: string; providerId?: string }[];
  },
  startOn = `${input.year}-03-20`,
): Promise<string> {
  const proposed = await server.gql(
    PROPOSE,
    {
      input: {
        name: input.name,
        year: input.year,
        category: 'INDUSTRY',
        villageIds: input.villages.map(villageId),
        budget: input.budget,
        plannedStart: `${input.year}-03-15`,
        proposedOn: `${input.year - 1}-11-01`,
      },
    },
    countyOfficial(),
  );
  if (proposed.errors) throw new Error(JSON.stringify(proposed.errors));
  const id = proposed.data!.proposeProject.project.id;
  const steps = [
    { status: 'ASSESSED', date: `${input.year - 1}-12-01` },
    { status: 'APPROVED', date: `${input.year}-01-10` },
    { status: 'ANNOUNCED', date: `${input.year}-02-01`, announcementEnd: `${input.year}-02-10` },
    { status: 'STARTED', date: startOn },
  ];
  for (const step of steps) {
    const moved = await server.gql(MOVE, { input: { projectId: id, ...step } }, countyOfficial());
    if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  }
  return id;
}
