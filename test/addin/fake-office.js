/*
 * A fake of the slice of Office.js the task pane uses — Office.onReady, Excel.run and the
 * workbook objects — strict where Excel is strict: a property read before load() and sync()
 * throws PropertyNotLoaded, isNullObject is known only after sync(), values written must match
 * the range's shape. A classic script (no import/export): the browser test serves it in place of
 * office.js, and vitest imports it for its side effect. Everything hangs on globalThis.KpdFakeOffice.
 */
(function () {
  'use strict';

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
  /** "A1:C3", "B2", "A:A" → 0-based box (whole columns run to row 1,048,575; whole rows "5:7" to XFD). */
  function parseAddress(address) {
    const rows = /^(\d+):(\d+)$/.exec(address);
    if (rows)
      return {
        top: Number(rows[1]) - 1,
        left: 0,
        bottom: Number(rows[2]) - 1,
        right: 16383,
        wholeRows: true,
      };
    const [a, b = a] = address.split(':');
    const one = (ref) => {
      const m = /^([A-Z]+)(\d*)$/.exec(ref);
      if (!m) throw new Error(`InvalidArgument: bad address ${address}`);
      return { col: letters(m[1]), row: m[2] === '' ? null : Number(m[2]) - 1 };
    };
    const p = one(a);
    const q = one(b);
    return {
      top: p.row ?? 0,
      left: p.col,
      bottom: q.row ?? 1048575,
      right: q.col,
    };
  }

  class Tracked {
    constructor(ctx) {
      this._ctx = ctx;
      this._pending = new Set();
      this._loaded = new Set();
      ctx._objects.push(this);
    }
    load(props) {
      const list = typeof props === 'string' ? props.split(',') : Object.keys(props ?? {});
      for (const p of list) this._pending.add(p.trim().replace(/^items\//, ''));
      if (list.some((p) => p.trim().startsWith('items'))) this._pending.add('items');
      return this;
    }
    _sync() {
      for (const p of this._pending) this._loaded.add(p);
      this._pending.clear();
      this._synced = true;
    }
    _need(prop) {
      if (!this._loaded.has(prop))
        throw new Error(`PropertyNotLoaded: ${prop} was read before load("${prop}") and sync()`);
    }
  }

  class FakeSheet {
    constructor(book, name, visibility = 'Visible') {
      this.book = book;
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
  }

  class FakeRange extends Tracked {
    constructor(ctx, sheet, box, isNull = false) {
      super(ctx);
      this._sheet = sheet;
      this._box = box;
      this._isNull = isNull;
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the format object's setters act on this range
      const range = this;
      this.format = {
        font: {
          set bold(v) {
            range._eachFormat((f) => (f.bold = v));
          },
          set size(v) {
            range._eachFormat((f) => (f.size = v));
          },
        },
        fill: {
          set color(v) {
            range._eachFormat((f) => (f.fill = v));
          },
        },
        set wrapText(v) {
          range._eachFormat((f) => (f.wrap = v));
        },
        set horizontalAlignment(v) {
          range._eachFormat((f) => (f.align = v));
        },
        set columnWidth(v) {
          for (let c = range._box.left; c <= range._box.right; c++) range._sheet.columnWidths.set(c, v);
        },
      };
      this.dataValidation = {
        set rule(v) {
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
    get values() {
      this._need('values');
      return this._grid((x) => x?.value ?? '');
    }
    set values(v) {
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
      this._need('formulas');
      return this._grid((x) => x?.formula ?? x?.value ?? '');
    }
    set formulas(v) {
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
    /** Inserting whole rows ("5:7"): every cell, format and list below moves down (ExcelApi 1.1). */
    insert(shift) {
      if (!this._box.wholeRows || shift !== 'Down')
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
      this._need('numberFormat');
      return this._grid((x) => x?.format ?? 'General');
    }
    set numberFormat(v) {
      this._shape(v, 'numberFormat');
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x !== null) this._sheet.set(this._box.top + i, this._box.left + j, undefined, x);
        }),
      );
    }
    get valueTypes() {
      this._need('valueTypes');
      return this._grid((x) => {
        const v = x?.value ?? '';
        if (v === '') return 'Empty';
        if (typeof v === 'number') return 'Double';
        if (typeof v === 'boolean') return 'Boolean';
        if (typeof v === 'string' && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(v))
          return 'Error';
        return 'String';
      });
    }
    get rowIndex() {
      this._need('rowIndex');
      return this._box.top;
    }
    get columnIndex() {
      this._need('columnIndex');
      return this._box.left;
    }
    merge() {
      this._sheet.merges.push(
        `${colName(this._box.left)}${this._box.top + 1}:${colName(this._box.right)}${this._box.bottom + 1}`,
      );
    }
  }

  class SheetProxy extends Tracked {
    constructor(ctx, sheet, isNull = false) {
      super(ctx);
      this._s = sheet;
      this._isNull = isNull;
      this.freezePanes = { freezeRows: (n) => (sheet.frozenRows = n) };
    }
    get isNullObject() {
      if (!this._synced) throw new Error('PropertyNotLoaded: isNullObject is known only after sync()');
      return this._isNull;
    }
    get name() {
      return this._s.name;
    }
    get visibility() {
      return this._s.visibility;
    }
    get position() {
      this._need('position');
      return this._s.book.sheets.indexOf(this._s);
    }
    set position(p) {
      const book = this._s.book;
      if (!Number.isInteger(p) || p < 0) throw new Error(`InvalidArgument: position ${p}`);
      book.sheets = book.sheets.filter((x) => x !== this._s);
      book.sheets.splice(Math.min(p, book.sheets.length), 0, this._s);
    }
    delete() {
      const book = this._s.book;
      book.sheets = book.sheets.filter((x) => x !== this._s);
    }
    getRange(address) {
      return new FakeRange(this._ctx, this._s, parseAddress(address));
    }
    getUsedRangeOrNullObject(valuesOnly) {
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      for (const [k, v] of this._s.cells) {
        if (valuesOnly && (v.value === '' || v.value === null)) continue;
        const [r, c] = k.split(',').map(Number);
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      return bottom < 0
        ? new FakeRange(this._ctx, this._s, { top: 0, left: 0, bottom: 0, right: 0 }, true)
        : new FakeRange(this._ctx, this._s, { top, left, bottom, right });
    }
  }

  class Context {
    constructor(book) {
      this._book = book;
      this._objects = [];
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the collections below hand out objects of this context
      const ctx = this;
      const sheets = new Tracked(this);
      Object.defineProperty(sheets, 'items', {
        get() {
          sheets._need('items');
          return book.sheets.map((s) => Object.assign(new SheetProxy(ctx, s), { _synced: true }));
        },
      });
      sheets.getItem = (nameOrId) => {
        const s = book.sheets.find((x) => x.name === nameOrId);
        if (!s) throw new Error(`ItemNotFound: ${nameOrId}`);
        return new SheetProxy(ctx, s);
      };
      sheets.onChanged = { add: (handler) => book.handlers.push(handler) };
      sheets.getItemOrNullObject = (name) => {
        const s = book.sheets.find((x) => x.name === name);
        return new SheetProxy(ctx, s ?? new FakeSheet(book, name), !s);
      };
      sheets.add = (name) => {
        if (book.sheets.some((x) => x.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
        const s = new FakeSheet(book, name);
        book.sheets.push(s);
        return new SheetProxy(ctx, s);
      };
      const names = new Tracked(this);
      Object.defineProperty(names, 'items', {
        get() {
          names._need('items');
          return book.names.map((n) => ({ name: n.name, formula: n.formula }));
        },
      });
      this.workbook = { worksheets: sheets, names };
    }
    async sync() {
      this._book.syncs++;
      for (const o of this._objects) o._sync();
    }
  }

  /**
   * A workbook: sheets of { name, values (rows of number|string|boolean, '' empty),
   * numberFormat (same shape, optional), visibility } and defined names { name, formula }.
   */
  class FakeWorkbook {
    constructor(data) {
      this.syncs = 0;
      this.handlers = [];
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
    }
    sheet(name) {
      return this.sheets.find((s) => s.name === name);
    }
    /** A person typing `value` into one cell: the cell changes, then onChanged handlers run. */
    async type(sheetName, address, value) {
      const s = this.sheet(sheetName);
      if (!s) throw new Error(`ItemNotFound: ${sheetName}`);
      const box = parseAddress(address);
      s.set(box.top, box.left, value);
      for (const h of this.handlers)
        await h({ worksheetId: sheetName, address, changeType: 'RangeEdited', source: 'Local' });
    }
    /** Excel.run over this workbook. */
    run(batch) {
      return Promise.resolve().then(() => batch(new Context(this)));
    }
  }

  /**
   * Installs window.Office and window.Excel over a workbook (the browser test); options.displayLanguage
   * as Office's UI language, options.maxExcelApi the newest ExcelApi 1.x supported (12 by default).
   */
  function install(data, options = {}) {
    const book = new FakeWorkbook(data);
    globalThis.Office = {
      HostType: { Excel: 'Excel' },
      context: {
        displayLanguage: options.displayLanguage ?? 'zh-CN',
        requirements: {
          // ExcelApi 1.1 … 1.12 (or … 1.maxExcelApi, an older Excel), compared as versions (1.9 < 1.12).
          isSetSupported: (name, version = '1.1') =>
            name === 'ExcelApi' && Number(String(version).split('.')[1] ?? 0) <= (options.maxExcelApi ?? 12),
        },
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
        if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]+=*$/u.test(base64))
          return Promise.reject(new Error('createWorkbook: not a base64 string'));
        globalThis.KpdFakeOffice.created.push(base64);
        return Promise.resolve();
      },
    };
    globalThis.KpdFakeOffice.book = book;
    return book;
  }

  globalThis.KpdFakeOffice = { FakeWorkbook, install, book: undefined, created: [] };
})();
