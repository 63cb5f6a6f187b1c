import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCommandArgs } from '../args.js';
import { OUTPUTS, TEMPLATES } from '../../core/schema/templates.js';
import { MASTER } from '../../core/schema/master.js';
import { MASTER_SAMPLES } from '../../core/template/samples.js';
import { writeTemplate } from '../../adapters/exceljs/write-template.js';
import { writePaper } from '../../adapters/exceljs/write-paper.js';
import { blankForms } from '../../core/jobs/forms.js';
import { OutputError, writeAtomic } from '../../adapters/files.js';
export { TEMPLATES_USAGE } from '../usage.js';
import { EXIT, type ExitCode, type Io } from '../io.js';
import { localeOf } from '../lang.js';
import { say } from '../say.js';

/** The committed templates are exactly these bytes' content: a test regenerates and compares. */
export async function buildTemplates(): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  return Promise.all(
    [...TEMPLATES, ...OUTPUTS].map(async (tpl) => ({
      fileName: tpl.fileName,
      bytes: await writeTemplate(tpl, tpl.id === MASTER.id ? { rows: MASTER_SAMPLES, examples: true } : {}),
    })),
  );
}

/** The agents' blank paper forms (代办受理表 …, one A4 page each), written beside the templates. */
export async function buildBlankForms(): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  return Promise.all(
    blankForms().map(async (f) => ({ fileName: f.fileName, bytes: await writePaper(f.book) })),
  );
}

export async function templatesCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values } = parseCommandArgs({
    args: [...argv],
    options: { out: { type: 'string' }, lang: { type: 'string' } },
  });
  const locale = localeOf(values.lang, io.env);
  const dir = resolve(io.cwd, values.out ?? 'templates');
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(values.out ?? 'templates', (e as NodeJS.ErrnoException).code ?? '');
  }
  for (const f of [...(await buildTemplates()), ...(await buildBlankForms())]) {
    await writeAtomic(join(dir, f.fileName), f.bytes);
    io.out(say('cli.wrote', locale, { out: join(dir, f.fileName) }) + '\n');
  }
  return EXIT.ok;
}
