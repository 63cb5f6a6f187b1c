import { mapFormulaRefs } from '../../core/table/formula.js';
import { relIs, type OpcPackage } from '../opc/package.js';
import { rootOf, removeElement, type Element } from '../opc/xml.js';
import type { WorkbookXml } from '../opc/workbook.js';
import { refMover, type MergedSheet } from './merge-sheet.js';

/**
 * What other parts anchor to a sheet's cells, moved with its rows: comments (and the VML
 * shapes Excel draws them with), threaded comments, table definitions, drawings, and the
 * workbook's defined names (print area, filter range). A comment on a row that went goes too.
 */
export function moveAnchoredParts(
  pkg: OpcPackage,
  wb: WorkbookXml,
  sheetPart: string,
  sheetName: string,
  merged: MergedSheet,
): void {
  for (const rel of pkg.rels(sheetPart)) {
    if (rel.external || !pkg.has(rel.target)) continue;
    if (relIs(rel, 'comments') || relIs(rel, 'threadedComment')) moveComments(pkg, rel.target, merged);
    else if (relIs(rel, 'table')) moveTable(pkg, rel.target, merged);
    else if (relIs(rel, 'vmlDrawing')) moveVmlShapes(pkg, rel.target, merged);
    else if (relIs(rel, 'drawing')) moveDrawing(pkg, rel.target, merged);
  }
  const moveRef = refMover(merged.moveRange);
  for (const d of wb.definedNames()) {
    const text = d.text;
    const fixed = mapFormulaRefs(text, (ref) => (ref.sheet === sheetName ? moveRef(ref) : undefined));
    if (fixed !== text) d.text = fixed;
  }
}

/** "B7" moved with its row; undefined when its row went; a reference that is not one cell as it is. */
function moveCellRef(ref: string, merged: MergedSheet): string | undefined {
  const m = /^\$?[A-Za-z]+\$?(\d+)$/u.exec(ref);
  if (!m) return ref;
  const to = merged.rowOf(Number(m[1]));
  return to === undefined ? undefined : ref.replace(/\d+$/u, String(to));
}

/** "A1:F20" (or one cell) moved with its rows; undefined when all of them went. */
function moveSqref(ref: string, merged: MergedSheet): string | undefined {
  const m = /^(\$?[A-Za-z]+\$?)(\d+)(?::(\$?[A-Za-z]+\$?)(\d+))?$/u.exec(ref);
  if (!m) return ref;
  const moved = merged.moveRange(Number(m[2]), m[4] === undefined ? Number(m[2]) : Number(m[4]));
  if (!moved) return undefined;
  return m[3] === undefined ? `${m[1]}${moved[0]}` : `${m[1]}${moved[0]}:${m[3]}${moved[1]}`;
}

function byLocalName(root: Element, local: string): Element[] {
  const list = root.getElementsByTagNameNS('*', local);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list.item(i);
    if (e) out.push(e);
  }
  return out;
}

/** Comments and threaded comments follow their cell; a comment on a row that went goes too. */
function moveComments(pkg: OpcPackage, part: string, merged: MergedSheet): void {
  const root = rootOf(pkg.xml(part));
  for (const el of [...byLocalName(root, 'comment'), ...byLocalName(root, 'threadedComment')]) {
    const to = moveCellRef(el.getAttribute('ref') ?? '', merged);
    if (to === undefined) removeElement(el);
    else if (to !== el.getAttribute('ref')) el.setAttribute('ref', to);
  }
}

/** A table definition's range, its filter's and its sort's. */
function moveTable(pkg: OpcPackage, part: string, merged: MergedSheet): void {
  const root = rootOf(pkg.xml(part));
  for (const el of [root, ...byLocalName(root, 'autoFilter'), ...byLocalName(root, 'sortState')]) {
    const ref = el.getAttribute('ref');
    const to = ref ? moveSqref(ref, merged) : undefined;
    if (ref && to && to !== ref) el.setAttribute('ref', to);
  }
}

/** The VML shapes Excel draws comments with (0-based rows); a note on a row that went goes too. */
function moveVmlShapes(pkg: OpcPackage, part: string, merged: MergedSheet): void {
  // VML is edited as text: Excel's is not always well-formed XML.
  const vml = pkg.text(part) ?? '';
  const fixed = vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/gu, (shape) => {
    const row = /<x:Row>(\d+)<\/x:Row>/u.exec(shape)?.[1];
    if (row === undefined) return shape;
    const to = merged.rowOf(Number(row) + 1);
    if (to === undefined) return /ObjectType="Note"/u.test(shape) ? '' : shape;
    const by = to - (Number(row) + 1);
    if (by === 0) return shape;
    return shape
      .replace(/<x:Row>\d+<\/x:Row>/u, `<x:Row>${to - 1}</x:Row>`)
      .replace(/<x:Anchor>([^<]*)<\/x:Anchor>/u, (_a, list: string) => {
        const v = list.split(',').map((x) => x.trim());
        for (const i of [2, 6])
          if (v[i] !== undefined && /^\d+$/u.test(v[i] ?? '')) v[i] = String(Number(v[i]) + by);
        return `<x:Anchor>${v.join(', ')}</x:Anchor>`;
      });
  });
  if (fixed !== vml) pkg.set(part, fixed);
}

/** A drawing's anchors (from/to, 0-based rows) follow their rows. */
function moveDrawing(pkg: OpcPackage, part: string, merged: MergedSheet): void {
  const xml = pkg.text(part) ?? '';
  const fixed = xml.replace(
    /(<(\w+:)?(?:from|to)>[\s\S]*?<(\w+:)?row>)(\d+)(<\/(?:\w+:)?row>)/gu,
    (all, pre: string, _p1: string, _p2: string, row: string, post: string) => {
      const to = merged.rowOf(Number(row) + 1);
      return to === undefined ? all : `${pre}${to - 1}${post}`;
    },
  );
  if (fixed !== xml) pkg.set(part, fixed);
}
