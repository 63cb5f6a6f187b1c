// The WPS 加载项: `npm run wps:build` writes dist-wps/ — the add-in folder kpd/ (index.html and
// main.js, the entry WPS loads; ribbon.xml, the 重点项目 tab; taskpane.html/js, the same page and
// code as the Office pane; images/; jsplugins.xml, the list oem.ini's JSPluginsServer points to
// when the folder is served at KPD_WPS_URL), and beside it publish.xml (the folder copied into
// one PC's jsaddons instead). The JavaScript
// is ES5 (Babel preset-env with core-js for what it uses), as WPS's built-in Chromium may be old.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { TEMPLATE_ALIASES } from './webpack.config.js';

const root = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The add-in's name in jsplugins.xml / publish.xml, and its folder. */
export const ADDIN_NAME = 'kpd';
export const ADDIN_DIR = 'kpd';

/** KPD_WPS_URL: where the intranet server serves the add-in folder (http or https, ending in "/"). */
export function addinUrl(value = process.env.KPD_WPS_URL) {
  const url = (value ?? 'http://localhost:3889/kpd/').trim();
  if (!/^https?:\/\/[^\s"'<>]+$/u.test(url))
    throw new Error(`KPD_WPS_URL must be an http(s) address, e.g. http://10.1.2.3/kpd/ (got "${url}")`);
  return url.endsWith('/') ? url : `${url}/`;
}

const xmlAttr = (s) => s.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');

/** The add-in list WPS fetches from JSPluginsServer (online mode: the add-in is served at url). */
export const jspluginsXml = (url) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${ADDIN_NAME}" type="et" url="${xmlAttr(url)}"/>\n</jsplugins>\n`;

/** The add-in list of one PC's jsaddons folder, for the add-in folder copied beside it (wpsjs build --exe does the same). */
export const publishXml = (version) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${version}" version="${version}"/>\n</jsplugins>\n`;

/** ribbon.xml, the icons and the two add-in lists, copied or written beside the bundles. */
class AddinFiles {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AddinFiles', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'AddinFiles', stage: 0 }, () => {
        const { RawSource } = compiler.webpack.sources;
        const wps = join(root, 'src/wps');
        compilation.emitAsset(
          `${ADDIN_DIR}/ribbon.xml`,
          new RawSource(readFileSync(join(wps, 'ribbon.xml'))),
        );
        for (const f of readdirSync(join(wps, 'images')))
          compilation.emitAsset(
            `${ADDIN_DIR}/images/${f}`,
            new RawSource(readFileSync(join(wps, 'images', f))),
          );
        compilation.emitAsset(`${ADDIN_DIR}/jsplugins.xml`, new RawSource(jspluginsXml(this.url)));
        compilation.emitAsset('publish.xml', new RawSource(publishXml(pkg.version)));
      });
    });
  }
}

/**
 * The shared page without its script tags (boot.js and office.js are the Office pane's; WPS needs
 * neither): the page's own bundle is injected once, by HtmlWebpackPlugin.
 */
const pageHtml = () =>
  readFileSync(join(root, 'src/addin/taskpane.html'), 'utf8').replace(
    /\s*<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>/gu,
    '',
  );

const babel = {
  loader: 'babel-loader',
  options: {
    babelrc: false,
    configFile: false,
    // ES5 syntax, and core-js for the built-ins the code uses (Promise, Map, typed-array methods …).
    presets: [['@babel/preset-env', { targets: { ie: '11' }, useBuiltIns: 'usage', corejs: '3.51' }]],
    sourceType: 'unambiguous',
  },
};

export default (_env, argv) => {
  const url = addinUrl();
  return {
    mode: argv.mode ?? 'production',
    target: ['web', 'es5'],
    entry: {
      main: join(root, 'src/wps/main.ts'),
      taskpane: join(root, 'src/wps/page.ts'),
    },
    output: {
      path: join(root, 'dist-wps'),
      filename: `${ADDIN_DIR}/[name].js`,
      chunkFilename: `${ADDIN_DIR}/[name].[contenthash:8].js`,
      publicPath: 'auto',
      clean: true,
    },
    devtool: false,
    resolve: {
      extensions: ['.ts', '.js'],
      extensionAlias: { '.js': ['.ts', '.js'] },
      // docx's ES module build (its CommonJS one wraps jszip in a require webpack cannot follow), as
      // for the Office pane.
      alias: { docx$: join(root, 'node_modules/docx/dist/index.mjs'), ...TEMPLATE_ALIASES },
    },
    module: {
      rules: [
        // The bulletin template travels inside the bundle (a data: URL), so the pane needs no server for it.
        { test: /\.xlsx$/u, type: 'asset/inline' },
        {
          test: /\.ts$/u,
          use: [
            babel,
            {
              loader: 'ts-loader',
              options: { configFile: join(root, 'tsconfig.wps.json'), transpileOnly: true },
            },
          ],
        },
        // Libraries the pane uses (fflate …) are ES2015+ too; core-js itself is left as it is.
        { test: /\.m?js$/u, exclude: /node_modules[\\/](core-js|webpack)[\\/]/u, use: [babel] },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        templateContent:
          '<!doctype html><html><head><meta charset="UTF-8" /><title>重点项目推进助手</title></head><body></body></html>',
        filename: `${ADDIN_DIR}/index.html`,
        chunks: ['main'],
        inject: 'head',
        scriptLoading: 'blocking',
        minify: false,
      }),
      new HtmlWebpackPlugin({
        templateContent: pageHtml(),
        filename: `${ADDIN_DIR}/taskpane.html`,
        chunks: ['taskpane'],
        scriptLoading: 'blocking',
        inject: 'body',
      }),
      new AddinFiles(url),
      // The zip reader's one Node call (inflateRawSync) is done by fflate in the browser.
      new webpack.NormalModuleReplacementPlugin(/^node:zlib$/u, join(root, 'src/addin/zlib-browser.ts')),
    ],
    performance: { hints: false },
  };
};
