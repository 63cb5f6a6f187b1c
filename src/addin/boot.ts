import { addinText } from './messages.js';

/**
 * The first script of the page, on its own and before office.js: if the pane is not connected
 * to Excel a few seconds later, it says which of the three failed and what to check — office.js
 * did not load, the pane's own script did not run (an old engine, a file damaged on the way), or
 * Excel never answered — instead of leaving "正在连接 Excel……" on screen for ever.
 * It needs no polyfill: it runs where the pane's script may not.
 */

/** How long Excel may take: the message must be on screen within 10 seconds of opening. */
export const BOOT_WAIT_SECONDS = 8;

export interface BootState {
  /** The pane's script ran to its end (taskpane.ts sets it). */
  paneStarted: boolean;
  /** Office.onReady called back (taskpane.ts sets it). */
  ready: boolean;
  /** Script errors and resources that failed to load, as the browser reported them. */
  readonly errors: string[];
}

declare global {
  interface Window {
    kpdBoot?: BootState;
  }
}

const state: BootState = { paneStarted: false, ready: false, errors: [] };
window.kpdBoot = state;

// In the capture phase the window also hears of scripts that failed to load (office.js missing).
window.addEventListener(
  'error',
  (e) => {
    const target = e.target as { src?: string } | null;
    if (target && target !== (window as unknown) && typeof target.src === 'string')
      state.errors.push(target.src);
    else if (e.message) state.errors.push(e.message);
  },
  true,
);

function say(text: string): void {
  let status = document.getElementById('status');
  if (!status) {
    // The page is still waiting for a script in <head>: show the message above everything.
    status = document.createElement('div');
    status.id = 'status';
    (document.body ?? document.documentElement).appendChild(status);
  }
  status.textContent = text;
  status.className = 'bad';
}

/** A page-relative address made absolute (IE11 has no URL constructor; a link resolves it). */
function absolute(path: string): string {
  const a = document.createElement('a');
  a.href = path;
  return a.href;
}

window.setTimeout(() => {
  if (state.ready) return;
  const locale = /^en/i.test(navigator.language || '') ? 'en' : 'zh';
  if (typeof Office === 'undefined')
    say(addinText('boot.officeJsMissing', locale, { url: absolute('office-js/office.js') }));
  else if (!state.paneStarted || state.errors.length > 0)
    say(addinText('boot.scriptFailed', locale, { detail: state.errors[0] ?? 'taskpane.js' }));
  else say(addinText('boot.hostSilent', locale, { seconds: BOOT_WAIT_SECONDS }));
}, BOOT_WAIT_SECONDS * 1000);
