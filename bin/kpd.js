#!/usr/bin/env node
// The command line is built into dist/ (npm run build, or npm ci through `prepare`). A checkout or
// a copy without it says in Chinese how to get it, instead of Node's ERR_MODULE_NOT_FOUND stack.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'kpd 还没有构建（缺少 dist/ 目录）。\n' +
      '  在源代码目录中：运行 npm ci（会自动构建），或 npm run build。\n' +
      '  在没有网络的电脑上：请安装 npm run release 生成的安装包 key-project-desk-<版本>.tgz（见 README「离线安装」）。\n' +
      'kpd is not built (dist/ is missing): run `npm ci` or `npm run build` in the source folder.\n',
  );
  process.exit(2);
}
await import(entry.href);
