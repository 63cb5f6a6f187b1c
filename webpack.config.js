// The task pane: src/addin/*, bundled for the browser into dist-addin/ as ES5 (Excel 2016 and
// 2019 show add-ins in Internet Explorer 11's engine), with office.js, the manifest and the icons
// beside it. `npm run addin:build` (scripts/addin/build.ts) runs this with the office's address.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * The bundled bulletin template, imported by the panes as `kpd-templates/bulletin.xlsx`: the file
 * name (the schema's BULLETIN.fileName) stays here, out of the panes' code.
 */
export const TEMPLATE_ALIASES = {
  'kpd-templates/bulletin.xlsx$': join(root, 'templates', '重点项目情况通报.xlsx'),
};
const OFFICE_JS = join(root, 'node_modules', '@microsoft', 'office-js', 'dist');

/**
 * The files of @microsoft/office-js that Excel's task pane loads: office.js, the Excel host
 * scripts for every platform, the locale strings, telemetry and the error page; not the debug
 * copies, not the other applications' scripts (about 15 MB of the package's 87).
 */
export function officeJsFiles(dir = OFFICE_JS) {
  const skip =
    /(\.debug\.js|\.d\.ts|-vsdoc\.js|^(access|onenote|outlook|powerpoint|project|word|visio|custom-functions)[^/]*|outlook_strings\.js|^webauth\/.*)$/u;
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const rel = relative(dir, full).split(sep).join('/');
      if (statSync(full).isDirectory()) walk(full);
      else if (!skip.test(rel)) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

/** Copies the page, the manifest (as the build script wrote it), the icons and office.js. */
class CopyStatic {
  constructor(manifest) {
    this.manifest = manifest;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyStatic', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyStatic', stage: 0 }, () => {
        const { RawSource } = compiler.webpack.sources;
        // Copied as they are: no minimizer touches them (office.js is Microsoft's, already minified).
        const emit = (to, from) =>
          compilation.emitAsset(to, new RawSource(readFileSync(from)), { minimized: true });
        emit('taskpane.html', join(root, 'src/addin/taskpane.html'));
        compilation.emitAsset('manifest.xml', new RawSource(this.manifest), { minimized: true });
        for (const f of readdirSync(join(root, 'addin/assets')))
          emit(`assets/${f}`, join(root, 'addin/assets', f));
        for (const f of officeJsFiles()) emit(`office-js/${f}`, join(OFFICE_JS, f));
        emit('office-js/LICENSE.md', join(OFFICE_JS, '..', 'LICENSE.md'));
      });
    });
  }
}

/**
 * env.out: where to write (dist-addin/ by default); env.manifestFile: the manifest with the
 * office's addresses, as scripts/addin/build.ts wrote it (manifest.xml as it is, for
 * https://localhost:3000, by default).
 */
export default (env = {}, argv = {}) => ({
  mode: argv.mode ?? env.mode ?? 'production',
  // Rebuilding what did not change takes seconds (node_modules/.cache/webpack).
  cache: {
    type: 'filesystem',
    buildDependencies: {
      config: [
        fileURLToPath(import.meta.url),
        join(root, 'babel.config.json'),
        join(root, 'tsconfig.addin.json'),
      ],
    },
  },
  // ES5 for webpack's own runtime code too.
  target: ['web', 'es5'],
  entry: {
    // Loaded first, on its own: says within seconds when office.js or Excel does not answer,
    // or when the pane's script could not run at all.
    boot: join(root, 'src/addin/boot.ts'),
    taskpane: [join(root, 'src/addin/polyfills.ts'), join(root, 'src/addin/taskpane.ts')],
  },
  output: { path: env.out ?? join(root, 'dist-addin'), filename: '[name].js', clean: true },
  devtool: 'source-map',
  resolve: {
    extensions: ['.ts', '.js'],
    extensionAlias: { '.js': ['.ts', '.js'] },
    // docx's ES module build (its CommonJS one wraps jszip in a require webpack cannot follow).
    alias: { docx$: join(root, 'node_modules/docx/dist/index.mjs'), ...TEMPLATE_ALIASES },
  },
  module: {
    rules: [
      // The bulletin template travels inside the bundle (a data: URL), so the pane needs no server for it.
      { test: /\.xlsx$/u, type: 'asset/inline' },
      {
        // Libraries that ship ES2015+ (exceljs and its dependencies, loaded only by 进度图 in a chunk
        // of their own) are lowered to ES5 too. core-js and Babel's helpers are never transpiled.
        test: /\.m?js$/u,
        include: /node_modules/u,
        exclude: /node_modules[\\/](core-js|@babel|regenerator-runtime|webpack|fflate|unorm|@zxing)[\\/]/u,
        use: [{ loader: 'babel-loader', options: { cacheDirectory: true, sourceType: 'unambiguous' } }],
      },
      {
        // TypeScript to ES2022 (types stripped), then Babel to ES5 with the polyfills IE11 needs
        // (babel.config.json: preset-env for ie 11; core-js imported in src/addin/polyfills.ts).
        // The libraries bundled ship ES5 already (fflate, unorm, the text-encoding polyfill's
        // esm/ build); test/addin/es5.test.ts parses every file of the build as ES5 to hold that.
        test: /\.ts$/u,
        use: [
          { loader: 'babel-loader', options: { cacheDirectory: true } },
          {
            loader: 'ts-loader',
            options: { configFile: join(root, 'tsconfig.addin.json'), transpileOnly: true },
          },
        ],
      },
    ],
  },
  plugins: [
    new CopyStatic(readFileSync(env.manifestFile ?? join(root, 'manifest.xml'))),
    // The zip reader's one Node call (inflateRawSync) is done by fflate in the browser.
    new webpack.NormalModuleReplacementPlugin(/^node:zlib$/u, join(root, 'src/addin/zlib-browser.ts')),
  ],
  performance: { hints: false },
  // npm start (scripts/addin/start.ts): https with office-addin-dev-certs' certificate.
  ...(env.certDir && {
    devServer: {
      port: Number(env.port ?? 3000),
      server: {
        type: 'https',
        options: {
          ca: join(env.certDir, 'ca.crt'),
          cert: join(env.certDir, 'localhost.crt'),
          key: join(env.certDir, 'localhost.key'),
        },
      },
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: false },
    },
  }),
});
