import { EtHost } from '../adapters/wps/et.js';
import type { EtApplication } from '../adapters/wps/et-api.js';

/**
 * The task pane page as WPS 表格 shows it: the shared page (src/addin/taskpane.html and its
 * script). In Excel (Office.js present) the page runs as it always has. In WPS, the page's
 * window has WPS's `Application`: the WPS host is made here and left on window.kpdHost for the
 * shared page, which chooses its host once the jobs are shared by both panes (issue #13).
 * The ribbon button clicked is named in location.hash: the page scrolls to that section.
 */

/** Section (from the ribbon, main.ts SECTIONS) → the element of taskpane.html that starts it. */
const SECTION_START: Readonly<Record<string, string>> = {
  rank: 'h-rank',
  merge: 'h-merge',
  ledger: 'l-bulletin',
  agenda: 'h-agenda',
  check: 'h-check',
  holidays: 'h-holidays',
};

function showSection(): void {
  const id = SECTION_START[window.location.hash.replace(/^#/u, '')];
  const el = id === undefined ? null : document.getElementById(id);
  if (el) el.scrollIntoView();
}

/** A made workbook offered as a download (where WPS gives no FileSystem to write it with). */
function download(bytes: Uint8Array, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(
    new Blob([new Uint8Array(bytes)], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  a.download = fileName;
  a.click();
}

declare global {
  interface Window {
    kpdHost?: EtHost;
  }
}

const wps = (window as unknown as { Application?: EtApplication }).Application;
if (typeof Office !== 'undefined') void import('../addin/taskpane.js');
else if (wps) window.kpdHost = new EtHost(wps, { download });
showSection();
window.addEventListener('hashchange', showSection);
