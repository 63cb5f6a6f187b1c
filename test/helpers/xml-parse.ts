import { spawnSync } from 'node:child_process';

/** The program xmlWellFormed runs (pass to requireTool). */
export const XML_PARSE_TOOLS = ['/usr/bin/python3'] as const;

const SCRIPT = `
import sys, zipfile
from lxml import etree
bad = []
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith('.xml') or name.endswith('.rels'):
                try:
                    etree.fromstring(z.read(name), etree.XMLParser(resolve_entities=False, huge_tree=True))
                except Exception as e:
                    bad.append(f'{path} {name}: {e}')
print('\\n'.join(bad))
sys.exit(1 if bad else 0)
`;

/**
 * Every XML part of each package parsed by an independent, namespace-aware XML parser (lxml):
 * well-formed, namespaces declared. Returns the problems found ('' when none).
 */
export function xmlWellFormed(files: readonly string[]): { status: number | null; output: string } {
  const r = spawnSync('/usr/bin/python3', ['-c', SCRIPT, ...files], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
