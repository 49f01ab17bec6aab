import { ProjectStatus } from './funds.enums';

/**
 * Who moves a project step. Data, not a role check: the project policy reads it.
 *
 * - `LOCAL`: an official whose region holds every village the project serves (the township or
 *   village that runs it), the county's officials, or an administrator. Projects enter the library
 *   from below and the implementer reports the start.
 * - `COUNTY`: the county's own officials (a token for exactly the project's county) or an
 *   administrator. The county project library (县级项目库, `001_c47cf39a4dcd88d2.txt` 23) assesses,
 *   approves, announces, accepts, evaluates and cancels.
 */
export type StepActor = 'LOCAL' | 'COUNTY';

export interface ProjectStep {
  /** Statuses this step may follow. */
  from: readonly ProjectStatus[];
  actor: StepActor;
}

/**
 * The project library workflow: 规划跟着市场走、项目跟着规划走、资金跟着项目走、监管跟着资金走
 * (`002_d5d8c2fb670d631c.txt` 九): a project enters the library, is assessed, approved, publicly
 * announced (项目公示公告), started (4月底项目要全部开工), accepted (项目核查验收) and evaluated
 * (绩效评价, `001_c47cf39a4dcd88d2.txt` 23). Cancelling is possible until the project starts:
 * once money has been paid to works under way the project must be finished and accepted.
 */
export const PROJECT_STEPS: Record<Exclude<ProjectStatus, ProjectStatus.PROPOSED>, ProjectStep> = {
  [ProjectStatus.ASSESSED]: { from: [ProjectStatus.PROPOSED], actor: 'COUNTY' },
  [ProjectStatus.APPROVED]: { from: [ProjectStatus.ASSESSED], actor: 'COUNTY' },
  [ProjectStatus.ANNOUNCED]: { from: [ProjectStatus.APPROVED], actor: 'COUNTY' },
  [ProjectStatus.STARTED]: { from: [ProjectStatus.ANNOUNCED], actor: 'LOCAL' },
  [ProjectStatus.ACCEPTED]: { from: [ProjectStatus.STARTED], actor: 'COUNTY' },
  [ProjectStatus.EVALUATED]: { from: [ProjectStatus.ACCEPTED], actor: 'COUNTY' },
  [ProjectStatus.CANCELLED]: {
    from: [ProjectStatus.PROPOSED, ProjectStatus.ASSESSED, ProjectStatus.APPROVED, ProjectStatus.ANNOUNCED],
    actor: 'COUNTY',
  },
};

/** Entering the library (PROPOSED) is a local step. */
export const PROPOSE_ACTOR: StepActor = 'LOCAL';

/** The statuses that may follow `status`. */
export function nextStatuses(status: ProjectStatus): ProjectStatus[] {
  return (Object.keys(PROJECT_STEPS) as (keyof typeof PROJECT_STEPS)[]).filter((to) =>
    PROJECT_STEPS[to].from.includes(status),
  );
}

/** Why `from → to` is not a step of the workflow, or null when it is. */
export function stepRefusal(from: ProjectStatus, to: ProjectStatus): string | null {
  if (to === ProjectStatus.PROPOSED) return 'a project enters the library as PROPOSED only once';
  if (PROJECT_STEPS[to].from.includes(from)) return null;
  const allowed = nextStatuses(from);
  return `a ${from} project cannot become ${to}${allowed.length ? `; allowed: ${allowed.join(', ')}` : '; it is final'}`;
}

/** Payments go to works under way or done (按进度拨付); a final settlement only after acceptance. */
export const PAYABLE_STATUSES: readonly ProjectStatus[] = [
  ProjectStatus.STARTED,
  ProjectStatus.ACCEPTED,
  ProjectStatus.EVALUATED,
];

/** Assets are formed by accepted projects (项目核查验收 before 资产确权). */
export const ASSET_FORMING_STATUSES: readonly ProjectStatus[] = [ProjectStatus.ACCEPTED, ProjectStatus.EVALUATED];
