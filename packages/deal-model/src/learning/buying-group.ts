import type * as Y from 'yjs';
import { readStakeholders } from '../stakeholders/index.ts';
import type { ProfileGroup, StakeholderRole } from '../vocabulary/index.ts';

/** One member of a buying group, as learning keeps it: no names, only what repeats across deals. */
export interface BuyingGroupMember {
  role: StakeholderRole | null;
  title: string;
  department: string;
  /** Mobilizer, Talker, Blocker or unknown (from the profile). */
  group: ProfileGroup;
}

/** Who was in a deal's buying group: plain JSON the server can keep when the deal closes. */
export interface BuyingGroupSummary {
  size: number;
  members: BuyingGroupMember[];
  /** How many members have each buying-center role. */
  roles: Partial<Record<StakeholderRole, number>>;
  /** Distinct titles, in map order. */
  titles: string[];
  /** Distinct departments, in map order. */
  departments: string[];
  /** Members profiled as Mobilizers (Go-Getter, Teacher, Skeptic), whatever their stance. */
  mobilizers: number;
  blockers: number;
}

/** Summarises the buying group of a shared document (pure read; in the stakeholders' order). */
export function summarizeBuyingGroup(shared: Y.Doc): BuyingGroupSummary {
  const people = readStakeholders(shared);
  const roles: Partial<Record<StakeholderRole, number>> = {};
  const titles = new Set<string>();
  const departments = new Set<string>();
  const members = people.map((person) => {
    if (person.role) roles[person.role] = (roles[person.role] ?? 0) + 1;
    const title = person.title.trim();
    const department = person.department.trim();
    if (title) titles.add(title);
    if (department) departments.add(department);
    return { role: person.role, title, department, group: person.group };
  });
  return {
    size: people.length,
    members,
    roles,
    titles: [...titles],
    departments: [...departments],
    mobilizers: members.filter((m) => m.group === 'mobilizer').length,
    blockers: members.filter((m) => m.group === 'blocker').length,
  };
}
