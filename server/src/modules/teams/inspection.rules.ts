import { InspectionConsequence, InspectionItem } from './inspection.entity';

/**
 * 五查五看 (002_d5d8c2fb670d631c.txt (八)): "查身份，看符合不符合派驻要求；查档案，看党组织的关系是否转到
 * 当地；查驻村，看是否按“五天四夜”要求开展驻村帮扶工作；查计划，看是否结合实际制定年度帮扶工作计划；
 * 查落实，看政策宣传和工作落实成效明显不明显", with "通报、召回、约谈等问责机制".
 *
 * Pure functions: the platform's facts about a team on an inspection date (gathered in SQL by
 * `inspection.repository.ts`) become a computed verdict per check, and the inspector's input is
 * settled against them. The data decides where it can: a check the data fails cannot be passed
 * by the inspector; an inspector may fail a check the data passes (an unannounced visit can find
 * what records do not show) but must write down why; 查落实 is the inspector's alone.
 */

export const ITEMS: InspectionItem[] = [
  InspectionItem.IDENTITY,
  InspectionItem.ARCHIVE,
  InspectionItem.RESIDENCE,
  InspectionItem.PLAN,
  InspectionItem.RESULTS,
];

/** Complete weeks before the inspection date that 查驻村 looks at. */
export const RESIDENCE_WEEKS = 4;

/** What the platform holds about a team on an inspection date. */
export interface InspectionFacts {
  /** Member-weeks assessed for 五天四夜 in the RESIDENCE_WEEKS complete weeks before the date. */
  residence: {
    memberName: string;
    weekStart: string;
    days: number;
    nights: number;
    requiredDays: number;
    requiredNights: number;
    compliant: boolean;
  }[];
  /** The first secretary on duty on the date, if any. */
  firstSecretary: { name: string; partyMember: boolean; partyMemberSince: string | null } | null;
  /** Party members on duty on the date, with the day their membership moved to the village. */
  partyMembers: { name: string; transferredOn: string | null }[];
  /** The team's work plan for the date's year. */
  plan: { year: number; submittedOn: string | null };
}

/** The platform's verdict on one check: null where it holds no data, with what it found. */
export interface ComputedCheck {
  computed: boolean | null;
  basis: string | null;
}

/** Computes every check the platform has data for, on inspection date `date`. */
export function computeChecks(facts: InspectionFacts, date: string): Record<InspectionItem, ComputedCheck> {
  const fs = facts.firstSecretary;
  const identity: ComputedCheck = !fs
    ? { computed: false, basis: '无在岗第一书记' }
    : !fs.partyMember || !fs.partyMemberSince || fs.partyMemberSince > date
      ? { computed: false, basis: `第一书记${fs.name}不是中共党员，不符合派驻要求` }
      : { computed: true, basis: `第一书记${fs.name}为中共党员（${fs.partyMemberSince}入党）` };

  const missing = facts.partyMembers.filter((m) => !m.transferredOn || m.transferredOn > date);
  const archive: ComputedCheck = !facts.partyMembers.length
    ? { computed: null, basis: '无在岗党员队员' }
    : missing.length
      ? { computed: false, basis: `党组织关系未转入驻村：${missing.map((m) => m.name).join('、')}` }
      : { computed: true, basis: `${facts.partyMembers.length}名在岗党员队员的党组织关系均已转入驻村` };

  const short = facts.residence.filter((w) => !w.compliant);
  const residence: ComputedCheck = !facts.residence.length
    ? { computed: null, basis: `前${RESIDENCE_WEEKS}个完整周无应考核的队员` }
    : short.length
      ? {
          computed: false,
          basis: `未达五天四夜：${short
            .map(
              (w) =>
                `${w.memberName} ${w.weekStart}当周在村${w.days}天${w.nights}夜（应${w.requiredDays}天${w.requiredNights}夜）`,
            )
            .join('；')}`,
        }
      : { computed: true, basis: `前${RESIDENCE_WEEKS}个完整周${facts.residence.length}人次均达五天四夜` };

  const plan: ComputedCheck =
    facts.plan.submittedOn && facts.plan.submittedOn <= date
      ? { computed: true, basis: `${facts.plan.year}年度帮扶工作计划已于${facts.plan.submittedOn}报送` }
      : { computed: false, basis: `督查日前未报送${facts.plan.year}年度帮扶工作计划` };

  return {
    IDENTITY: identity,
    ARCHIVE: archive,
    RESIDENCE: residence,
    PLAN: plan,
    RESULTS: { computed: null, basis: null },
  };
}

export interface CheckInput {
  item: InspectionItem;
  /** The inspector's verdict; may be left out where the platform computes one. */
  passed?: boolean | null;
  note?: string | null;
}

export interface SettledCheck extends ComputedCheck {
  item: InspectionItem;
  passed: boolean;
  note: string | null;
}

export interface Problem {
  field: string;
  message: string;
}

/**
 * Settles the inspector's input against the computed checks, and the consequence against the
 * findings: a consequence when every check passed is refused; no consequence while a check failed
 * needs a written reason (`consequenceNote`). `checks` holds each item once (checked before).
 */
export function settleInspection(
  computed: Record<InspectionItem, ComputedCheck>,
  input: { checks: readonly CheckInput[]; consequence: InspectionConsequence; consequenceNote?: string | null },
): { checks: SettledCheck[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const settled = ITEMS.map((item): SettledCheck => {
    const index = input.checks.findIndex((c) => c.item === item);
    const given = input.checks[index];
    const note = given?.note?.trim() || null;
    const { computed: verdict, basis } = computed[item];
    const passed = given?.passed ?? null;
    if (verdict === null) {
      if (passed === null)
        problems.push({
          field: `checks.${index}.passed`,
          message: `checks.${index}.passed is required: the platform holds no data for ${item}${basis ? ` (${basis})` : ''}`,
        });
      return { item, passed: passed ?? false, note, computed: verdict, basis };
    }
    if (passed === true && verdict === false)
      problems.push({
        field: `checks.${index}.passed`,
        message: `${item} cannot pass: the platform's data fails it (${basis})`,
      });
    if (passed === false && verdict === true && !note)
      problems.push({
        field: `checks.${index}.note`,
        message: `${item} passes on the platform's data (${basis}); failing it needs the inspector's finding in checks.${index}.note`,
      });
    // The data's failure stands whatever the inspector said.
    return { item, passed: verdict && (passed ?? true), note, computed: verdict, basis };
  });
  // The consequence is judged against settled findings only.
  if (problems.length) return { checks: settled, problems };
  const failed = settled.filter((c) => !c.passed);
  if (!failed.length && input.consequence !== InspectionConsequence.NONE)
    problems.push({
      field: 'consequence',
      message: `consequence ${input.consequence} does not fit an inspection whose five checks all passed`,
    });
  if (failed.length && input.consequence === InspectionConsequence.NONE && !input.consequenceNote?.trim())
    problems.push({
      field: 'consequenceNote',
      message: `${failed.map((c) => c.item).join(', ')} failed: no consequence needs a written reason in consequenceNote`,
    });
  return { checks: settled, problems };
}
