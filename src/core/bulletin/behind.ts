import type { IsoDate } from '../calendar/dates.js';
import type { Milestone } from '../master/types.js';
import { matchKey } from '../values/text.js';
import type { BehindProject, ProjectProgress } from './model.js';

/** A project's standing against 序时进度, as the bulletin and the weekly agenda both see it. */
export type ProjectStanding = Pick<
  ProjectProgress,
  'projectId' | 'name' | 'hq' | 'commander' | 'unit' | 'rate' | 'fraction' | 'behindPlan'
>;

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The projects behind schedule (DOMAIN §3, §5): investment under 序时进度, or a milestone planned
 * by `asOf` and not done. Each with every reason, in the order of `projects`.
 */
export function behindProjects(
  projects: readonly ProjectStanding[],
  milestones: readonly { readonly record: Milestone }[],
  asOf: IsoDate,
): BehindProject[] {
  const overdue = new Map<string, string[]>();
  for (const { record: ms } of milestones) {
    if (ms.plannedDate <= asOf && ms.actualDate === undefined) {
      const k = matchKey(ms.projectId);
      const reason = `节点${ms.seq}「${ms.name}」计划 ${ms.plannedDate} 完成，逾期未完成`;
      const list = overdue.get(k);
      if (list) list.push(reason);
      else overdue.set(k, [reason]);
    }
  }
  const behind: BehindProject[] = [];
  for (const p of projects) {
    const reasons: string[] = [];
    // Exact amounts decide (DOMAIN §3); the rates only say by how much.
    if (p.rate !== undefined && (p.behindPlan ?? p.rate < p.fraction - 1e-9)) {
      const gap = Math.abs(Math.round((p.rate - p.fraction) * 100 * 100) / 100);
      reasons.push(
        `投资完成率 ${pct(p.rate)}，低于序时进度 ${pct(p.fraction)}（差 ${gap.toFixed(1)} 个百分点）`,
      );
    }
    reasons.push(...(overdue.get(matchKey(p.projectId)) ?? []));
    if (reasons.length > 0) {
      behind.push({
        projectId: p.projectId,
        name: p.name,
        hq: p.hq,
        commander: p.commander,
        unit: p.unit,
        ...(p.rate !== undefined && { rate: p.rate }),
        fraction: p.fraction,
        reasons,
      });
    }
  }
  return behind;
}
