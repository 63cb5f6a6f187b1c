// The task pane: src/addin/taskpane.ts and its page, bundled for the browser into dist-addin/,
// with the manifest and icons beside them. `npm run addin:build`.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';

const root = dirname(fileURLToPath(import.meta.url));

/** Copies the manifest and the icons into the output (no plugin needed for four files). */
class CopyStatic {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyStatic', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyStatic', stage: 0 }, () => {
        const { RawSource } = compiler.webpack.sources;
        compilation.emitAsset('manifest.xml', new RawSource(readFileSync(join(root, 'manifest.xml'))));
        for (const f of readdirSync(join(root, 'addin/assets')))
          compilation.emitAsset(`assets/${f}`, new RawSource(readFileSync(join(root, 'addin/assets', f))));
      });
    });
  }
}

export default (_env, argv) => ({
  mode: argv.mode ?? 'production',
  target: 'web',
  entry: { taskpane: join(root, 'src/addin/taskpane.ts') },
  output: { path: join(root, 'dist-addin'), filename: '[name].js', clean: true },
  devtool: 'source-map',
  resolve: {
    extensions: ['.ts', '.js'],
    extensionAlias: { '.js': ['.ts', '.js'] },
    // docx's ES module build (its CommonJS one wraps jszip in a require webpack cannot follow).
    alias: { docx$: join(root, 'node_modules/docx/dist/index.mjs') },
  },
  module: {
    rules: [
      // The bulletin template travels inside the bundle (a data: URL), so the pane needs no server for it.
      { test: /\.xlsx$/u, type: 'asset/inline' },
      {
        test: /\.ts$/u,
        loader: 'ts-loader',
        options: { configFile: join(root, 'tsconfig.addin.json'), transpileOnly: true },
      },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({
      template: join(root, 'src/addin/taskpane.html'),
      filename: 'taskpane.html',
      chunks: ['taskpane'],
      scriptLoading: 'defer',
    }),
    new CopyStatic(),
    // The zip reader's one Node call (inflateRawSync) is done by fflate in the browser.
    new webpack.NormalModuleReplacementPlugin(/^node:zlib$/u, join(root, 'src/addin/zlib-browser.ts')),
  ],
  performance: { hints: false },
});
