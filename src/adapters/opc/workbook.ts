/**
 * workbook.xml edited as XML: its sheets (name, sheetId, r:id — whichever prefix the producer
 * bound the relationships namespace to, wherever it declared it) and its defined names.
 */
import { CONTENT_TYPES, REL_TYPES, relIs, type OpcPackage } from './package.js';
import {
  attrNameFor,
  childElements,
  createLike,
  firstChild,
  insertInOrder,
  NS,
  removeElement,
  rootOf,
  type Element,
} from './xml.js';

/** CT_Workbook's sequence. */
const ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

interface SheetRef {
  readonly name: string;
  readonly relId: string | undefined;
  /** The part the sheet's relationship points to. */
  readonly part: string | undefined;
  readonly isWorksheet: boolean;
  readonly element: Element;
}

interface DefinedName {
  readonly name: string;
  readonly localSheetId: number | undefined;
  readonly element: Element;
  /** The formula, entities decoded (`'My sheet'!$A$1:$H$20`). */
  text: string;
}

export class WorkbookXml {
  readonly root: Element;
  private readonly relNs: string;

  constructor(private readonly pkg: OpcPackage) {
    this.root = rootOf(pkg.xml(pkg.workbookPart));
    this.relNs = this.root.namespaceURI === NS.strictMain ? NS.strictRel : NS.rel;
  }

  private get sheetsElement(): Element {
    let el = firstChild(this.root, 'sheets', this.root.namespaceURI);
    if (!el) {
      el = createLike(this.root, 'sheets');
      insertInOrder(this.root, el, ORDER);
    }
    return el;
  }

  private relIdOf(el: Element): string | undefined {
    for (const ns of [this.relNs, NS.rel, NS.strictRel]) {
      const v = el.getAttributeNS(ns, 'id');
      if (v) return v;
    }
    return undefined;
  }

  sheets(): SheetRef[] {
    const rels = new Map(this.pkg.rels(this.pkg.workbookPart).map((r) => [r.id, r]));
    return childElements(this.sheetsElement, 'sheet', this.root.namespaceURI).map((el) => {
      const relId = this.relIdOf(el) || undefined;
      const rel = relId === undefined ? undefined : rels.get(relId);
      return {
        name: el.getAttribute('name') ?? '',
        relId,
        part: rel && !rel.external ? rel.target : undefined,
        isWorksheet: rel !== undefined && relIs(rel, 'worksheet'),
        element: el,
      };
    });
  }

  /** Adds a worksheet part and its `<sheet>` entry after the last one; returns its index. */
  addSheet(name: string, part: string, content: string): number {
    this.pkg.set(part, content);
    this.pkg.addOverride(part, CONTENT_TYPES.worksheet);
    const relId = this.pkg.addRel(this.pkg.workbookPart, REL_TYPES.worksheet, part);
    const existing = this.sheets();
    const ids = existing.map((s) => Number(s.element.getAttribute('sheetId'))).filter(Number.isFinite);
    const el = createLike(this.root, 'sheet');
    el.setAttribute('name', name);
    el.setAttribute('sheetId', String(Math.max(0, ...ids) + 1));
    el.setAttributeNS(this.relNs, attrNameFor(this.root, this.relNs, 'r', 'id'), relId);
    this.sheetsElement.appendChild(el);
    return existing.length;
  }

  private get namesElement(): Element | undefined {
    return firstChild(this.root, 'definedNames', this.root.namespaceURI);
  }

  definedNames(): DefinedName[] {
    const parent = this.namesElement;
    if (!parent) return [];
    return childElements(parent, 'definedName', this.root.namespaceURI).map((element) => {
      const local = element.getAttribute('localSheetId');
      const n: DefinedName = {
        name: element.getAttribute('name') ?? '',
        localSheetId: local === null || local === '' ? undefined : Number(local),
        element,
        get text() {
          return element.textContent ?? '';
        },
        set text(v: string) {
          element.textContent = v;
        },
      };
      return n;
    });
  }

  /** Adds a defined name (into the one `<definedNames>`, made where the schema wants it if missing). */
  addDefinedName(attrs: Readonly<Record<string, string>>, text: string): void {
    let parent = this.namesElement;
    if (!parent) {
      parent = createLike(this.root, 'definedNames');
      insertInOrder(this.root, parent, ORDER);
    }
    const el = createLike(this.root, 'definedName');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.textContent = text;
    parent.appendChild(el);
  }

  removeDefinedName(n: DefinedName): void {
    removeElement(n.element);
    const parent = this.namesElement;
    // An emptied list goes too (an empty one is legal, but pointless).
    if (parent && childElements(parent).length === 0) removeElement(parent);
  }

  /** Drops the calculation chain: it lists formula cells by position, and Excel rebuilds it. */
  dropCalcChain(): void {
    for (const rel of this.pkg.rels(this.pkg.workbookPart)) {
      if (!relIs(rel, 'calcChain')) continue;
      if (!rel.external) {
        this.pkg.delete(rel.target);
        this.pkg.removeOverride(rel.target);
      }
      this.pkg.removeRel(rel);
    }
  }
}
