import type { IsoDate } from '../values/dates.js';
import type { Milestone } from '../master/types.js';
import { matchKey } from '../values/text.js';
import type { BehindProject, BehindReason, ProjectProgress } from './model.js';

/** A project's standing against 序时进度, as the bulletin and the weekly agenda both see it. */
export type ProjectStanding = Pick<
  ProjectProgress,
  'projectId' | 'name' | 'hq' | 'commander' | 'unit' | 'rate' | 'fraction' | 'behindPlan'
>;

/** A ratio as the percentage printed, one decimal: 0.4528 → '45.3'. */
const pct = (x: number): string => (x * 100).toFixed(1);

/**
 * The projects behind schedule (DOMAIN §3, §5): investment under 序时进度, or a milestone planned
 * by `asOf` and not done. Each with every reason, in the order of `projects`.
 */
export function behindProjects(
  projects: readonly ProjectStanding[],
  milestones: readonly { readonly record: Milestone }[],
  asOf: IsoDate,
): BehindProject[] {
  const overdue = new Map<string, BehindReason[]>();
  for (const { record: ms } of milestones) {
    if (ms.plannedDate <= asOf && ms.actualDate === undefined) {
      const k = matchKey(ms.projectId);
      const reason: BehindReason = {
        code: 'behind.milestone',
        params: { seq: ms.seq, name: ms.name, date: ms.plannedDate },
      };
      const list = overdue.get(k);
      if (list) list.push(reason);
      else overdue.set(k, [reason]);
    }
  }
  const behind: BehindProject[] = [];
  for (const p of projects) {
    const reasons: BehindReason[] = [];
    // Exact amounts decide (DOMAIN §3); the rates only say by how much.
    if (p.rate !== undefined && (p.behindPlan ?? p.rate < p.fraction - 1e-9)) {
      const gap = Math.abs(Math.round((p.rate - p.fraction) * 100 * 100) / 100);
      reasons.push({
        code: 'behind.investment',
        params: { rate: pct(p.rate), fraction: pct(p.fraction), gap: gap.toFixed(1) },
      });
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
