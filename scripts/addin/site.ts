/**
 * The add-in as the IT office deploys it: the address it is served from (KPD_ADDIN_URL), the
 * manifest pointing there, and the one zip with the site, the manifest and the 部署说明.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { DeployCode } from './messages.js';

/** Where npm start serves the pane, and what manifest.xml in the repository names. */
export const DEV_URL = 'https://localhost:3000';

/** A bad KPD_ADDIN_URL: the code of the sentence that says what to write instead. */
export class AddinUrlError extends Error {
  constructor(
    readonly code: DeployCode,
    readonly url: string,
  ) {
    super(code);
  }
}

export interface AddinAddress {
  /** https://host[:port]/path, no trailing slash: where taskpane.html and the rest are served. */
  readonly base: string;
  /** https://host[:port]: the manifest's AppDomain. */
  readonly origin: string;
  readonly host: string;
}

/**
 * The office's address as a manifest can carry it: https only, no query or fragment, the host in
 * ASCII (an internationalised name becomes punycode), the path percent-encoded.
 * @example addinAddress('https://内网地址/kpd/').base === 'https://xn--4gqu3fl5ft0e/kpd'
 */
export function addinAddress(text: string): AddinAddress {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    throw new AddinUrlError('url.invalid', text);
  }
  if (u.protocol !== 'https:') throw new AddinUrlError(u.host ? 'url.notHttps' : 'url.invalid', text);
  if (u.username || u.password || u.search || u.hash) throw new AddinUrlError('url.extra', text);
  const path = u.pathname.replace(/\/+$/u, '');
  return { base: `${u.origin}${path}`, origin: u.origin, host: u.host };
}

const xmlEscape = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/**
 * manifest.xml with every address of the development server replaced by the office's: the
 * AppDomain by its origin, the page, icons and links by its base.
 */
export function manifestFor(xml: string, address: AddinAddress): string {
  return xml
    .replace(
      /<!--[\s\S]*?-->/u,
      '<!-- 重点项目推进助手, written by npm run addin:build with the address of the site it is served from. -->',
    )
    .replace(
      new RegExp(`<AppDomain>${DEV_URL}</AppDomain>`, 'gu'),
      `<AppDomain>${xmlEscape(address.origin)}</AppDomain>`,
    )
    .split(DEV_URL)
    .join(xmlEscape(address.base));
}

/** Every file under a folder, as forward-slash paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The address a built manifest points to (its page's location, less /taskpane.html). */
export function builtAddress(manifest: string): string | undefined {
  const m = /<SourceLocation DefaultValue="([^"]+)\/taskpane\.html"\/>/u.exec(manifest);
  return m?.[1];
}

/** The 部署说明 with this build's address and file count filled in, for Notepad (BOM, CRLF). */
export function deploymentGuide(
  template: string,
  address: AddinAddress,
  version: string,
  files: number,
): string {
  const params: Record<string, string> = {
    url: address.base,
    host: address.host,
    version,
    files: String(files),
  };
  const text = template.replace(/\{(\w+)\}/gu, (m, k: string) => params[k] ?? m);
  return `\ufeff${text.replace(/\r?\n/gu, '\r\n')}`;
}

/** Source maps are for developers: they stay out of what is deployed. */
const NOT_DEPLOYED = /\.map$/u;

/**
 * The zip for the IT office: `kpd-addin-<version>/` holding `site/` (the built add-in), the
 * manifest and 部署说明.txt. Entries are dated as the build's manifest, so the same build gives
 * the same bytes.
 */
export function packageZip(
  siteDir: string,
  guideTemplate: string,
  version: string,
): { bytes: Uint8Array; address: string; files: number } {
  const manifest = readFileSync(join(siteDir, 'manifest.xml'), 'utf8');
  const base = builtAddress(manifest);
  if (!base || base === DEV_URL) throw new AddinUrlError('package.needsBuild', base ?? '');
  const address = addinAddress(base);
  const files = filesUnder(siteDir).filter((f) => !NOT_DEPLOYED.test(f));
  const mtime = statSync(join(siteDir, 'manifest.xml')).mtime;
  const root = `kpd-addin-${version}`;
  const tree: Zippable = {};
  for (const f of files) tree[`${root}/site/${f}`] = [readFileSync(join(siteDir, f)), { mtime }];
  tree[`${root}/manifest.xml`] = [new TextEncoder().encode(manifest), { mtime }];
  tree[`${root}/部署说明.txt`] = [
    new TextEncoder().encode(deploymentGuide(guideTemplate, address, version, files.length)),
    { mtime },
  ];
  return { bytes: zipSync(tree, { level: 9 }), address: address.base, files: files.length };
}
