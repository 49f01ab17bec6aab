import { registerEnumType } from 'type-graphql';

/** Who is calling. Region roles are scoped by a region code; partner roles by their own provider id. */
export enum Role {
  ADMIN = 'ADMIN',
  REGION_OFFICIAL = 'REGION_OFFICIAL',
  ORG_DEPARTMENT = 'ORG_DEPARTMENT',
  ENTERPRISE = 'ENTERPRISE',
  ASSISTANCE_UNIT = 'ASSISTANCE_UNIT',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'Account role (账号角色)',
  valuesConfig: {
    ADMIN: { description: 'Platform administrator (平台管理员): sees everything' },
    REGION_OFFICIAL: {
      description: 'County or city rural-revitalisation official (乡村振兴部门): everything inside the region',
    },
    ORG_DEPARTMENT: { description: 'Organisation department (组织部): resident teams inside the region' },
    ENTERPRISE: { description: 'Partner enterprise (帮扶企业): its own pairings and assigned villages' },
    ASSISTANCE_UNIT: { description: 'Assistance unit (帮扶单位): its own pairings and assigned villages' },
  },
});

export const REGION_ROLES = [Role.REGION_OFFICIAL, Role.ORG_DEPARTMENT] as const;
export const PARTNER_ROLES = [Role.ENTERPRISE, Role.ASSISTANCE_UNIT] as const;
export const ALL_ROLES = Object.values(Role);

export interface Viewer {
  role: Role;
  /** 12-digit code of the region a region role is confined to. */
  regionCode?: string;
  /** Region prefix derived from `regionCode` ("3504" for 三明市). */
  regionPrefix?: string;
  /** Provider (enterprise or assistance unit) a partner role acts for. */
  providerId?: string;
  /** Free-form subject from the token, for logs. */
  subject?: string;
}

export const isRegionRole = (viewer: Viewer) =>
  viewer.role === Role.REGION_OFFICIAL || viewer.role === Role.ORG_DEPARTMENT;
export const isPartnerRole = (viewer: Viewer) =>
  viewer.role === Role.ENTERPRISE || viewer.role === Role.ASSISTANCE_UNIT;
