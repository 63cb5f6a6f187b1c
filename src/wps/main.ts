/**
 * The WPS 加载项's entry script (main.js, loaded by index.html when WPS 表格 starts): the
 * callbacks ribbon.xml names. WPS calls them by name on the entry page's window (the wpsjs ET
 * template, js/ribbon.js: OnAddinLoad, OnAction, OnGetEnabled, GetImage), so they are set there.
 * Each button opens the one task pane (Application.CreateTaskPane, kept by its ID in
 * PluginStorage so every button reuses it) on the section of the page it names.
 */

/** index.d.ts (et-jsapi-declare): the control WPS passes to a callback. */
interface RibbonControl {
  readonly Id: string;
}

interface TaskPane {
  readonly ID: number;
  Visible: boolean;
  Navigate(url: string): void;
}

/** The slice of the 加载项 Application the entry uses (index.d.ts: CreateTaskPane, GetTaskPane, PluginStorage). */
interface AddinApplication {
  CreateTaskPane(url: string, title?: string): TaskPane;
  GetTaskPane(id: number): TaskPane | null;
  readonly PluginStorage: {
    getItem(key: string): unknown;
    setItem(key: string, value: number | string | boolean): void;
  };
}

/** Ribbon button → the section of the task pane it opens (the page's location.hash). */
export const SECTIONS: Readonly<Record<string, string>> = {
  kpdCheck: 'check',
  kpdMerge: 'merge',
  kpdLedger: 'ledger',
  kpdAgenda: 'agenda',
  kpdRank: 'rank',
  kpdHolidays: 'holidays',
  kpdChart: 'chart',
};

const PANE_KEY = 'kpd.taskpane';

/** The entry page's window, as WPS makes it (typed without the DOM: tests import this module in Node). */
const page = globalThis as unknown as {
  readonly Application: AddinApplication;
  readonly location: { readonly href: string };
};
const app = (): AddinApplication => page.Application;

/** The folder the entry page was loaded from (the add-in's URL), ending in "/". */
function addinFolder(): string {
  const here = page.location.href.replace(/[?#].*$/u, '');
  return here.slice(0, here.lastIndexOf('/') + 1);
}

/** The task pane on `section`: the one already made (its ID kept in PluginStorage), else a new one. */
function openPane(section: string): TaskPane {
  const url = `${addinFolder()}taskpane.html#${section}`;
  const storage = app().PluginStorage;
  const id = Number(storage.getItem(PANE_KEY));
  // A pane the person closed may be gone: WPS then gives none (or refuses the ID), and a new one is made.
  let pane: TaskPane | null = null;
  if (id > 0) {
    try {
      pane = app().GetTaskPane(id);
    } catch {
      pane = null;
    }
  }
  if (pane) pane.Navigate(url);
  else {
    pane = app().CreateTaskPane(url);
    storage.setItem(PANE_KEY, pane.ID);
  }
  pane.Visible = true;
  return pane;
}

/** Called once when WPS has read ribbon.xml; the add-in needs nothing set up before a click. */
function OnAddinLoad(_ribbonUI: unknown): boolean {
  return true;
}

export function OnAction(control: RibbonControl): boolean {
  const section = SECTIONS[control.Id];
  if (section !== undefined) openPane(section);
  return true;
}

/** Every button of the tab can be used: the pane itself says when the open workbook is not the right one. */
export function OnGetEnabled(control: RibbonControl): boolean {
  return SECTIONS[control.Id] !== undefined;
}

export function GetImage(control: RibbonControl): string {
  return `images/${control.Id}.svg`;
}

/** What ribbon.xml names, by name (a test holds the two to each other). */
export const CALLBACKS = { OnAddinLoad, OnAction, OnGetEnabled, GetImage } as const;

Object.assign(globalThis, CALLBACKS);
