import { findSheet, type WorkbookGrid } from '../values/grid.js';
import { MASTER, PROJECTS } from '../schema/master.js';
import { OUTPUTS, TEMPLATES } from '../schema/templates.js';
import { issue, type Issue } from '../issues/issue.js';
import { identifyTemplate, isIssue } from './identify.js';

/**
 * "Is this the 总台账?" — asked by every shell before it reads a workbook as the master: a
 * report or a bulletin given instead would read as an empty register. Undefined when it is the
 * master; else why not, said of the open workbook (the pane) or of the file named (the CLI).
 */
export function notMasterIssue(grid: WorkbookGrid, file?: string): Issue | undefined {
  const id = identifyTemplate(grid, [...TEMPLATES, ...OUTPUTS]);
  const kind = isIssue(id) ? undefined : id.template;
  if (kind?.id === MASTER.id || (isIssue(id) && findSheet(grid, PROJECTS.name))) return undefined;
  if (file === undefined)
    return kind
      ? issue('master.openOtherKind', {}, { title: kind.title })
      : issue('master.openNoProjects', {}, { sheet: PROJECTS.name });
  return kind
    ? issue('cli.masterOtherKind', {}, { file, title: kind.title })
    : issue('cli.masterNoProjects', {}, { file, sheet: PROJECTS.name });
}
