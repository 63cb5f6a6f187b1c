/*
 * A fake of the slice of Office.js the task pane uses — Office.onReady, Excel.run and the
 * workbook objects — strict where Excel is strict:
 * - a property read before load() and sync() throws PropertyNotLoaded, isNullObject is known
 *   only after sync(), values written must match the range's shape;
 * - every member it offers has the requirement set @types/office-js gives it (the table is
 *   derived by test/addin/api-sets.ts and handed in; a member missing from it is refused), and
 *   using a member above the ExcelApi set the test declares throws ApiNotFound, as an older Excel
 *   refuses it;
 * - each round trip (sync) is measured as JSON, request and response, and one over 4 MB throws
 *   (Excel on the web refuses about 5 MB).
 * A classic script (no import/export): the browser test serves it in place of office.js, and
 * vitest imports it for its side effect. Everything hangs on globalThis.KpdFakeOffice.
 */
(function () {
  'use strict';
  // The collections and promises of the engine this script starts in, kept for its own use: the
  // browser test hides them from the page (as IE11 lacks them) and the pane's polyfills stand in.
  const { Map, Set, Promise } = globalThis;

  /** The largest request or response of one sync the tests allow. */
  const LIMIT_BYTES = 4 * 1024 * 1024;

  /** The members this fake offers: each must have an ExcelApi set in the table it is given. */
  const OFFERS = [
    'Excel.run',
    'Range.formulas',
    'Range.formulas=',
    'Range.insert',
    'Excel.createWorkbook',
    'RequestContext.workbook',
    'Workbook.worksheets',
    'Workbook.names',
    'WorksheetCollection.items',
    'WorksheetCollection.load',
    'WorksheetCollection.getItem',
    'WorksheetCollection.getItemOrNullObject',
    'WorksheetCollection.add',
    'WorksheetCollection.onChanged',
    'WorksheetCollection.onAdded',
    'WorksheetCollection.onDeleted',
    'Worksheet.load',
    'Worksheet.id',
    'Worksheet.name',
    'Worksheet.visibility',
    'Worksheet.position',
    'Worksheet.position=',
    'Worksheet.delete',
    'Worksheet.activate',
    'Worksheet.getRange',
    'Worksheet.getUsedRange',
    'Worksheet.getUsedRange(valuesOnly)',
    'Worksheet.getUsedRangeOrNullObject',
    'Worksheet.freezePanes',
    'WorksheetFreezePanes.freezeRows',
    'Range.load',
    'Range.values',
    'Range.values=',
    'Range.numberFormat',
    'Range.numberFormat=',
    'Range.valueTypes',
    'Range.rowIndex',
    'Range.columnIndex',
    'Range.rowCount',
    'Range.columnCount',
    'Range.address',
    'Range.format',
    'Range.dataValidation',
    'Range.merge',
    'RangeFormat.font',
    'RangeFormat.fill',
    'RangeFormat.wrapText=',
    'RangeFormat.horizontalAlignment=',
    'RangeFormat.columnWidth=',
    'RangeFont.bold=',
    'RangeFont.size=',
    'RangeFill.color=',
    'DataValidation.rule=',
    'NamedItemCollection.items',
    'NamedItemCollection.load',
    'NamedItem.name',
    'NamedItem.formula',
    'NamedItem.value',
  ];

  const minor = (v) => Number(String(v).split('.')[1] ?? 0);

  /** JSON size with non-ASCII as \uXXXX (the most Office could send for it). */
  function jsonBytes(value) {
    const s = JSON.stringify(value) ?? '';
    let n = s.length;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 5;
    return n;
  }

  const letters = (s) => {
    let n = 0;
    for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const colName = (c) => {
    let n = c + 1;
    let s = '';
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  /** "A1:C3", "B2", "A:A", "5:7" → 0-based box (whole columns run to row 1,048,575). */
  function parseAddress(address) {
    const [a, b = a] = address.replace(/\$/g, '').split(':');
    const one = (ref) => {
      const m = /^([A-Z]*)(\d*)$/.exec(ref);
      if (!m || (m[1] === '' && m[2] === '')) throw new Error(`InvalidArgument: bad address ${address}`);
      return { col: m[1] === '' ? null : letters(m[1]), row: m[2] === '' ? null : Number(m[2]) - 1 };
    };
    const p = one(a);
    const q = one(b);
    return {
      top: p.row ?? 0,
      left: p.col ?? 0,
      bottom: q.row ?? 1048575,
      right: q.col ?? 16383,
    };
  }

  /** What the fake knows of Excel's versions: the table, the declared set, the refusals. */
  class Api {
    constructor(sets, excelApi) {
      if (!sets) throw new Error('fake-office: give it the requirement sets (test/addin/api-sets.ts)');
      for (const key of OFFERS)
        if (!(key in sets)) throw new Error(`fake-office: ${key} has no [Api set] in @types/office-js`);
      this.sets = sets;
      this.excelApi = String(excelApi);
    }
    supports(version) {
      return minor(version) <= minor(this.excelApi);
    }
    need(key) {
      const version = this.sets[key];
      if (version === undefined || !OFFERS.includes(key))
        throw new Error(`fake-office: ${key} is not offered by the fake`);
      if (!this.supports(version)) {
        const e = new Error(
          `ApiNotFound: ${key} needs ExcelApi ${version}; this Excel has ExcelApi ${this.excelApi}`,
        );
        e.code = 'ApiNotFound';
        throw e;
      }
    }
  }

  class Tracked {
    constructor(ctx, cls, itemCls) {
      this._ctx = ctx;
      this._cls = cls;
      this._itemCls = itemCls;
      this._pending = new Set();
      this._loaded = new Set();
      ctx._objects.push(this);
    }
    load(props) {
      this._ctx._need(`${this._cls}.load`);
      const list = typeof props === 'string' ? props.split(',') : Object.keys(props ?? {});
      for (const raw of list) {
        const p = raw.trim();
        if (p.startsWith('items/')) {
          this._ctx._need(`${this._cls}.items`);
          this._ctx._need(`${this._itemCls}.${p.slice(6)}`);
          this._pending.add('items');
          this._pending.add(p);
        } else {
          this._ctx._need(`${this._cls}.${p}`);
          this._pending.add(p);
        }
      }
      this._ctx._ops.push({ load: this._cls, props: list });
      return this;
    }
    /** What the response of the sync carries for this object: the loaded properties' values. */
    _response() {
      const out = {};
      for (const p of this._pending) if (p !== 'items') out[p] = this._peek(p);
      return out;
    }
    _peek(p) {
      return this[`_${p}`];
    }
    _sync() {
      for (const p of this._pending) this._loaded.add(p);
      this._pending.clear();
      this._synced = true;
    }
    _mustHave(prop) {
      if (!this._loaded.has(prop))
        throw new Error(`PropertyNotLoaded: ${prop} was read before load("${prop}") and sync()`);
    }
  }

  let nextId = 1;

  class FakeSheet {
    constructor(book, name, visibility = 'Visible') {
      this.book = book;
      this.id = `{00000000-0001-0000-0000-${String(nextId++).padStart(12, '0')}}`;
      this.name = name;
      this.visibility = visibility;
      this.cells = new Map(); // "r,c" → { value, format }
      this.merges = [];
      this.frozenRows = 0;
      this.columnWidths = new Map();
      this.formats = new Map(); // "r,c" → { bold, size, fill, wrap, align }
      this.validations = []; // { address, rule }: drop-down lists set on ranges (ExcelApi 1.8)
    }
    cell(r, c) {
      return this.cells.get(`${r},${c}`);
    }
    set(r, c, value, format) {
      const old = this.cells.get(`${r},${c}`) ?? { value: '', format: 'General' };
      this.cells.set(`${r},${c}`, {
        value: value === undefined ? old.value : value,
        format: format === undefined ? old.format : format,
      });
    }
    /** Values of the sheet as rows (for tests): '' for empty. */
    rows() {
      let bottom = -1;
      let right = -1;
      for (const [k, v] of this.cells) {
        if (v.value === '' || v.value === null) continue;
        const [r, c] = k.split(',').map(Number);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      const out = [];
      for (let r = 0; r <= bottom; r++) {
        const row = [];
        for (let c = 0; c <= right; c++) row.push(this.cell(r, c)?.value ?? '');
        out.push(row);
      }
      return out;
    }
    /** The box of cells with a value (or, unless valuesOnly, a format other than General). */
    used(valuesOnly) {
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      for (const [k, v] of this.cells) {
        const blank = v.value === '' || v.value === null;
        if (blank && (valuesOnly || v.format === 'General')) continue;
        const [r, c] = k.split(',').map(Number);
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      return bottom < 0 ? undefined : { top, left, bottom, right };
    }
  }

  class FakeRange extends Tracked {
    constructor(ctx, sheet, box, isNull = false) {
      super(ctx, 'Range');
      this._sheet = sheet;
      this._box = box;
      this._isNull = isNull;
    }
    get format() {
      this._ctx._need('Range.format');
      const ctx = this._ctx;
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the format object's setters act on this range
      const range = this;
      const setter = (key, apply) => (v) => {
        ctx._set(key, v);
        range._eachFormat((f) => apply(f, v));
      };
      const bold = setter('RangeFont.bold=', (f, v) => (f.bold = v));
      const size = setter('RangeFont.size=', (f, v) => (f.size = v));
      const color = setter('RangeFill.color=', (f, v) => (f.fill = v));
      const wrap = setter('RangeFormat.wrapText=', (f, v) => (f.wrap = v));
      const align = setter('RangeFormat.horizontalAlignment=', (f, v) => (f.align = v));
      return {
        get font() {
          ctx._need('RangeFormat.font');
          return {
            set bold(v) {
              bold(v);
            },
            set size(v) {
              size(v);
            },
          };
        },
        get fill() {
          ctx._need('RangeFormat.fill');
          return {
            set color(v) {
              color(v);
            },
          };
        },
        set wrapText(v) {
          wrap(v);
        },
        set horizontalAlignment(v) {
          align(v);
        },
        set columnWidth(v) {
          ctx._set('RangeFormat.columnWidth=', v);
          for (let c = range._box.left; c <= range._box.right; c++) range._sheet.columnWidths.set(c, v);
        },
      };
    }
    get dataValidation() {
      this._ctx._need('Range.dataValidation');
      const ctx = this._ctx;
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the rule's setter acts on this range
      const range = this;
      return {
        set rule(v) {
          ctx._set('DataValidation.rule=', v);
          const list = v && v.list;
          if (!list || typeof list.source !== 'string' || list.source === '')
            throw new Error('InvalidArgument: only list rules with a source are faked');
          const { top, left, bottom, right } = range._box;
          range._sheet.validations.push({
            address: `${colName(left)}${top + 1}:${colName(right)}${bottom + 1}`,
            rule: v,
          });
        },
      };
    }
    get isNullObject() {
      if (!this._synced) throw new Error('PropertyNotLoaded: isNullObject is known only after sync()');
      return this._isNull;
    }
    _eachFormat(fn) {
      const { top, left, right } = this._box;
      const bottom = Math.min(this._box.bottom, top + 200);
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) {
          const k = `${r},${c}`;
          const f = this._sheet.formats.get(k) ?? {};
          fn(f);
          this._sheet.formats.set(k, f);
        }
    }
    _grid(pick) {
      const { top, left, bottom, right } = this._box;
      const out = [];
      for (let r = top; r <= bottom; r++) {
        const row = [];
        for (let c = left; c <= right; c++) row.push(pick(this._sheet.cell(r, c)));
        out.push(row);
      }
      return out;
    }
    _shape(v, what) {
      const rows = this._box.bottom - this._box.top + 1;
      const cols = this._box.right - this._box.left + 1;
      if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols))
        throw new Error(
          `InvalidArgument: ${what} must be ${rows}×${cols} for ${this._sheet.name}!${colName(this._box.left)}${this._box.top + 1}`,
        );
    }
    _peek(p) {
      switch (p) {
        case 'values':
          return this._grid((x) => x?.value ?? '');
        case 'numberFormat':
          return this._grid((x) => x?.format ?? 'General');
        case 'valueTypes':
          return this._grid((x) => {
            const v = x?.value ?? '';
            if (v === '') return 'Empty';
            if (typeof v === 'number') return 'Double';
            if (typeof v === 'boolean') return 'Boolean';
            if (typeof v === 'string' && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(v))
              return 'Error';
            return 'String';
          });
        case 'rowIndex':
          return this._box.top;
        case 'columnIndex':
          return this._box.left;
        case 'rowCount':
          return this._box.bottom - this._box.top + 1;
        case 'columnCount':
          return this._box.right - this._box.left + 1;
        case 'address':
          return `${this._sheet.name}!${colName(this._box.left)}${this._box.top + 1}:${colName(this._box.right)}${this._box.bottom + 1}`;
        default:
          return undefined;
      }
    }
    _get(p) {
      this._ctx._need(`Range.${p}`);
      this._mustHave(p);
      return this._peek(p);
    }
    get values() {
      return this._get('values');
    }
    set values(v) {
      this._ctx._set('Range.values=', v);
      this._shape(v, 'values');
      // null leaves a cell as it is (Excel's rule for 2-D arrays)
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x !== null) this._sheet.set(this._box.top + i, this._box.left + j, x);
        }),
      );
    }
    /** A formula as typed ("=LEN(H5)") or the value; the fake does not calculate. */
    get formulas() {
      this._ctx._need('Range.formulas');
      this._mustHave('formulas');
      return this._grid((x) => x?.formula ?? x?.value ?? '');
    }
    set formulas(v) {
      this._ctx._set('Range.formulas=', v);
      this._shape(v, 'formulas');
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x === null) return;
          const r = this._box.top + i;
          const c = this._box.left + j;
          this._sheet.set(r, c, x);
          const cell = this._sheet.cells.get(`${r},${c}`);
          if (typeof x === 'string' && x.startsWith('=')) cell.formula = x;
          else delete cell.formula;
        }),
      );
    }
    /** Inserting whole rows ("5:7"): every cell and format below moves down (ExcelApi 1.1). */
    insert(shift) {
      this._ctx._call('Range.insert', shift);
      if (this._box.left !== 0 || this._box.right !== 16383 || shift !== 'Down')
        throw new Error('InvalidArgument: only whole rows, Down, are faked');
      const { top, bottom } = this._box;
      const by = bottom - top + 1;
      const move = (map) => {
        const moved = new Map();
        for (const [k, v] of map) {
          const [r, c] = k.split(',').map(Number);
          moved.set(`${r >= top ? r + by : r},${c}`, v);
        }
        return moved;
      };
      this._sheet.cells = move(this._sheet.cells);
      this._sheet.formats = move(this._sheet.formats);
      return this;
    }
    get numberFormat() {
      return this._get('numberFormat');
    }
    set numberFormat(v) {
      this._ctx._set('Range.numberFormat=', v);
      this._shape(v, 'numberFormat');
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x !== null) this._sheet.set(this._box.top + i, this._box.left + j, undefined, x);
        }),
      );
    }
    get valueTypes() {
      return this._get('valueTypes');
    }
    get rowIndex() {
      return this._get('rowIndex');
    }
    get columnIndex() {
      return this._get('columnIndex');
    }
    get rowCount() {
      return this._get('rowCount');
    }
    get columnCount() {
      return this._get('columnCount');
    }
    get address() {
      return this._get('address');
    }
    merge() {
      this._ctx._call('Range.merge');
      this._sheet.merges.push(
        `${colName(this._box.left)}${this._box.top + 1}:${colName(this._box.right)}${this._box.bottom + 1}`,
      );
    }
  }

  class SheetProxy extends Tracked {
    constructor(ctx, sheet, isNull = false) {
      super(ctx, 'Worksheet');
      this._s = sheet;
      this._isNull = isNull;
    }
    get isNullObject() {
      if (!this._synced) throw new Error('PropertyNotLoaded: isNullObject is known only after sync()');
      return this._isNull;
    }
    _peek(p) {
      if (p === 'position') return this._s.book.sheets.indexOf(this._s);
      return this._s[p];
    }
    _get(p) {
      this._ctx._need(`Worksheet.${p}`);
      this._mustHave(p);
      return this._peek(p);
    }
    get id() {
      return this._get('id');
    }
    get name() {
      return this._get('name');
    }
    get visibility() {
      return this._get('visibility');
    }
    get position() {
      return this._get('position');
    }
    set position(p) {
      this._ctx._set('Worksheet.position=', p);
      const book = this._s.book;
      if (!Number.isInteger(p) || p < 0) throw new Error(`InvalidArgument: position ${p}`);
      book.sheets = book.sheets.filter((x) => x !== this._s);
      book.sheets.splice(Math.min(p, book.sheets.length), 0, this._s);
    }
    get freezePanes() {
      this._ctx._need('Worksheet.freezePanes');
      return {
        freezeRows: (n) => {
          this._ctx._call('WorksheetFreezePanes.freezeRows', n);
          this._s.frozenRows = n;
        },
      };
    }
    delete() {
      this._ctx._call('Worksheet.delete');
      const book = this._s.book;
      book.sheets = book.sheets.filter((x) => x !== this._s);
      if (book.active === this._s) book.active = book.sheets.find((x) => x.visibility === 'Visible');
    }
    /** Shown in Excel once the batch is synced; Excel refuses to show a hidden sheet. */
    activate() {
      this._ctx._call('Worksheet.activate');
      const sheet = this._s;
      this._ctx._effects.push(() => {
        if (!sheet.book.sheets.includes(sheet)) throw new Error(`ItemNotFound: ${sheet.name}`);
        if (sheet.visibility !== 'Visible')
          throw new Error(`InvalidOperation: the sheet ${sheet.name} is hidden and cannot be activated`);
        sheet.book.active = sheet;
      });
    }
    getRange(address) {
      this._ctx._call('Worksheet.getRange', address);
      return new FakeRange(this._ctx, this._s, parseAddress(address));
    }
    getUsedRange(valuesOnly) {
      this._ctx._call('Worksheet.getUsedRange');
      if (valuesOnly !== undefined) this._ctx._call('Worksheet.getUsedRange(valuesOnly)', valuesOnly);
      // A blank sheet's used range is its top-left cell (only *OrNullObject says "none").
      const box = this._s.used(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 };
      return new FakeRange(this._ctx, this._s, box);
    }
    getUsedRangeOrNullObject(valuesOnly) {
      this._ctx._call('Worksheet.getUsedRangeOrNullObject', valuesOnly);
      const box = this._s.used(valuesOnly === true);
      return box
        ? new FakeRange(this._ctx, this._s, box)
        : new FakeRange(this._ctx, this._s, { top: 0, left: 0, bottom: 0, right: 0 }, true);
    }
  }

  class NamesProxy extends Tracked {
    constructor(ctx, book) {
      super(ctx, 'NamedItemCollection', 'NamedItem');
      this._book = book;
    }
    _peek(p) {
      if (p === 'items') return undefined;
      const prop = p.slice(6);
      return this._book.names.map((n) => (prop === 'value' ? n.formula.replace(/^=/, '') : n[prop]));
    }
    get items() {
      this._ctx._need('NamedItemCollection.items');
      this._mustHave('items');
      const loaded = this._loaded;
      return this._book.names.map((n) => {
        const item = {};
        for (const prop of ['name', 'formula', 'value'])
          Object.defineProperty(item, prop, {
            get() {
              if (!loaded.has(`items/${prop}`))
                throw new Error(`PropertyNotLoaded: ${prop} was read before load("items/${prop}")`);
              // A name of a cell: its value is the address, as its formula is without "=".
              return prop === 'value' ? n.formula.replace(/^=/, '') : n[prop];
            },
          });
        return item;
      });
    }
  }

  class SheetsProxy extends Tracked {
    constructor(ctx, book) {
      super(ctx, 'WorksheetCollection', 'Worksheet');
      this._book = book;
    }
    _peek(p) {
      if (p === 'items') return undefined;
      const prop = p.slice(6);
      return this._book.sheets.map((s) => (prop === 'position' ? this._book.sheets.indexOf(s) : s[prop]));
    }
    get items() {
      this._ctx._need('WorksheetCollection.items');
      this._mustHave('items');
      return this._book.sheets.map((s) => {
        const proxy = new SheetProxy(this._ctx, s);
        proxy._synced = true;
        for (const p of this._loaded) if (p.startsWith('items/')) proxy._loaded.add(p.slice(6));
        return proxy;
      });
    }
    getItem(nameOrId) {
      this._ctx._call('WorksheetCollection.getItem', nameOrId);
      const s = this._book.sheets.find((x) => x.id === nameOrId || x.name === nameOrId);
      if (!s) throw new Error(`ItemNotFound: ${nameOrId}`);
      return new SheetProxy(this._ctx, s);
    }
    getItemOrNullObject(name) {
      this._ctx._call('WorksheetCollection.getItemOrNullObject', name);
      const s = this._book.sheets.find((x) => x.id === name || x.name === name);
      return new SheetProxy(this._ctx, s ?? new FakeSheet(this._book, name), !s);
    }
    add(name) {
      this._ctx._call('WorksheetCollection.add', name);
      if (this._book.sheets.some((x) => x.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
      const s = new FakeSheet(this._book, name);
      this._book.sheets.push(s);
      return new SheetProxy(this._ctx, s);
    }
    _event(key, list) {
      this._ctx._need(key);
      return { add: (handler) => list.push(handler) };
    }
    get onChanged() {
      return this._event('WorksheetCollection.onChanged', this._book.handlers);
    }
    get onAdded() {
      return this._event('WorksheetCollection.onAdded', this._book.added);
    }
    get onDeleted() {
      return this._event('WorksheetCollection.onDeleted', this._book.deleted);
    }
  }

  class Context {
    constructor(book) {
      this._book = book;
      this._objects = [];
      this._ops = [];
      /** What a batch does that Excel shows only when it is synced (activate). */
      this._effects = [];
      this._need('Excel.run');
      const sheets = new SheetsProxy(this, book);
      const names = new NamesProxy(this, book);
      const need = (key) => this._need(key);
      this.workbook = {
        get worksheets() {
          need('Workbook.worksheets');
          return sheets;
        },
        get names() {
          need('Workbook.names');
          return names;
        },
      };
    }
    _need(key) {
      this._book.api.need(key);
    }
    _set(key, value) {
      this._need(key);
      this._ops.push({ set: key, value });
    }
    _call(key, ...args) {
      this._need(key);
      this._ops.push({ call: key, args });
    }
    async sync() {
      const book = this._book;
      const request = jsonBytes(this._ops);
      const response = jsonBytes(this._objects.filter((o) => o._pending.size > 0).map((o) => o._response()));
      book.syncs++;
      book.payloads.push({ request, response });
      this._ops = [];
      const effects = this._effects;
      this._effects = [];
      if (request > LIMIT_BYTES || response > LIMIT_BYTES)
        throw new Error(
          `PayloadTooLarge (fake): this sync's request is ${request} bytes and its response ${response}; the tests allow ${LIMIT_BYTES}`,
        );
      for (const o of this._objects) o._sync();
      for (const effect of effects) effect();
    }
  }

  /**
   * A workbook: sheets of { name, values (rows of number|string|boolean, '' empty),
   * numberFormat (same shape, optional), visibility } and defined names { name, formula }.
   * options.apiSets: the requirement set table (test/addin/api-sets.ts); options.excelApi: the
   * newest ExcelApi set this Excel has ('1.13' unless told).
   */
  class FakeWorkbook {
    constructor(data, options = {}) {
      this.api = new Api(options.apiSets, options.excelApi ?? '1.13');
      this.syncs = 0;
      this.payloads = [];
      this.handlers = [];
      this.added = [];
      this.deleted = [];
      this.names = (data.names ?? []).map((n) => ({ ...n }));
      this.sheets = data.sheets.map((s) => {
        const sheet = new FakeSheet(this, s.name, s.visibility ?? 'Visible');
        s.values.forEach((row, r) =>
          row.forEach((v, c) => {
            const f = s.numberFormat?.[r]?.[c] ?? 'General';
            if (v !== '' && v !== null && v !== undefined) sheet.set(r, c, v, f);
          }),
        );
        return sheet;
      });
      /** The sheet Excel shows (the first visible one when the workbook opens). */
      this.active = this.sheets.find((x) => x.visibility === 'Visible');
    }
    sheet(name) {
      return this.sheets.find((s) => s.name === name);
    }
    isSetSupported(name, version = '1.1') {
      return name === 'ExcelApi' && this.api.supports(version);
    }
    /** The pane's view of this Excel: Excel.run over this workbook and what it supports. */
    get excel() {
      return { run: (batch) => this.run(batch), supports: (v) => this.isSetSupported('ExcelApi', v) };
    }
    async _changed(sheet, address, changeType) {
      for (const h of this.handlers)
        await h({ worksheetId: sheet.id, address, changeType, source: 'Local', type: 'WorksheetChanged' });
    }
    /** A person typing `value` into one cell: the cell changes, then onChanged handlers run. */
    async type(sheetName, address, value) {
      return this.paste(sheetName, address, [[value]]);
    }
    /** A person pasting a block of values at `address` (its top-left cell or the whole block). */
    async paste(sheetName, address, values) {
      const s = this.sheet(sheetName);
      if (!s) throw new Error(`ItemNotFound: ${sheetName}`);
      const box = parseAddress(address);
      values.forEach((row, i) => row.forEach((v, j) => s.set(box.top + i, box.left + j, v)));
      const end = `${colName(box.left + (values[0]?.length ?? 1) - 1)}${box.top + values.length}`;
      const whole =
        values.length === 1 && (values[0]?.length ?? 1) === 1
          ? colName(box.left) + (box.top + 1)
          : `${colName(box.left)}${box.top + 1}:${end}`;
      await this._changed(s, whole, 'RangeEdited');
    }
    /** A person inserting a row before `row` (1-based) with `values`: rows below move down. */
    async insertRow(sheetName, row, values) {
      const s = this.sheet(sheetName);
      if (!s) throw new Error(`ItemNotFound: ${sheetName}`);
      const moved = new Map();
      for (const [k, v] of s.cells) {
        const [r, c] = k.split(',').map(Number);
        moved.set(`${r >= row - 1 ? r + 1 : r},${c}`, v);
      }
      s.cells = moved;
      values.forEach((v, c) => s.set(row - 1, c, v));
      await this._changed(s, `${row}:${row}`, 'RowInserted');
    }
    /** Excel.run over this workbook. */
    run(batch) {
      return Promise.resolve().then(() => batch(new Context(this)));
    }
  }

  /**
   * Installs window.Office and window.Excel over a workbook (the browser test): options as for
   * FakeWorkbook, and displayLanguage as Office's UI language.
   */
  function install(data, options = {}) {
    const book = new FakeWorkbook(data, options);
    globalThis.Office = {
      HostType: { Excel: 'Excel' },
      context: {
        displayLanguage: options.displayLanguage ?? 'zh-CN',
        requirements: { isSetSupported: (name, version) => book.isSetSupported(name, version) },
      },
      onReady(cb) {
        const info = { host: 'Excel', platform: 'PC' };
        setTimeout(() => cb(info), 0);
        return Promise.resolve(info);
      },
    };
    globalThis.Excel = {
      run: (batch) => book.run(batch),
      // A new workbook from a base64 .xlsx (ExcelApi 1.8): kept for the test to read.
      createWorkbook: (base64) => {
        try {
          book.api.need('Excel.createWorkbook');
        } catch (e) {
          return Promise.reject(e);
        }
        if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]+=*$/u.test(base64))
          return Promise.reject(new Error('createWorkbook: not a base64 string'));
        globalThis.KpdFakeOffice.created.push(base64);
        return Promise.resolve();
      },
    };
    globalThis.KpdFakeOffice.book = book;
    return book;
  }

  globalThis.KpdFakeOffice = { FakeWorkbook, install, book: undefined, created: [], OFFERS, LIMIT_BYTES };
})();
