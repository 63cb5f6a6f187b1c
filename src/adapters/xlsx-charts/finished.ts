import { strToU8, unzipSync } from 'fflate';
import type { ChartSpec } from '../../core/document/chart.js';
import { zipFilledParts } from '../xlsx-fill/parts.js';
import { addCharts, materialise, type ChartsAdded } from './index.js';
import { centralDirectory, inflateEntry, patchArchive } from './repack.js';

/**
 * The charts added to a finished .xlsx (the copy of the master `kpd score` writes). The parts the
 * charts need are inflated when read; untouched entries are copied compressed as they are (see
 * repack.ts), so a big master costs no more than its small sheet. Returns the bytes unchanged
 * when no chart could be placed.
 */
export function addChartsToPackage(
  bytes: Uint8Array,
  charts: readonly ChartSpec[],
): {
  readonly bytes: Uint8Array;
  readonly placed: readonly string[];
  readonly skipped: ChartsAdded['skipped'];
} {
  return placeCharts(bytes, charts);
}

function placeCharts(
  bytes: Uint8Array,
  charts: readonly ChartSpec[],
): {
  readonly bytes: Uint8Array;
  readonly placed: readonly string[];
  readonly skipped: ChartsAdded['skipped'];
} {
  const central = centralDirectory(bytes);
  if (!central) {
    // Not a plain archive of ours: every part re-zipped.
    const files = unzipSync(bytes);
    const names = Object.keys(files).sort((a, b) =>
      a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0,
    );
    const added = addCharts(
      { entries: names.map((n) => [n, files[n] as Uint8Array] as const), missing: [] },
      charts,
    );
    if (added.placed.length === 0) return { bytes, placed: [], skipped: added.skipped };
    return { bytes: zipFilledParts(added.parts), placed: added.placed, skipped: added.skipped };
  }
  // Each part inflated only when read.
  const lazy = central.map(
    (e) =>
      [
        e.name,
        {
          *[Symbol.iterator]() {
            yield inflateEntry(bytes, e);
          },
        },
      ] as const,
  );
  const added = addCharts({ entries: lazy, missing: [] }, charts);
  if (added.placed.length === 0) return { bytes, placed: [], skipped: added.skipped };
  const original = new Map<string, unknown>(lazy);
  const changed = new Map<string, Uint8Array>();
  for (const [name, content] of added.parts.entries)
    if (original.get(name) !== content)
      changed.set(name, content instanceof Uint8Array ? content : strToU8(materialise(content)));
  const order = added.parts.entries.map(([n]) => n);
  return {
    bytes: patchArchive(bytes, central, changed, order),
    placed: added.placed,
    skipped: added.skipped,
  };
}
