/**
 * What npm run addin:build, addin:package and npm start say, Chinese first (--lang en for
 * English). Placeholders in braces; a test checks both languages use the same ones.
 */
export const DEPLOY_MESSAGES = {
  'url.invalid': {
    zh: 'KPD_ADDIN_URL「{url}」不是网址：请写成 https://服务器名/路径，例如 https://oa.example.gov.cn/kpd。',
    en: 'KPD_ADDIN_URL "{url}" is not an address: write https://server/path, e.g. https://oa.example.gov.cn/kpd.',
  },
  'url.notHttps': {
    zh: 'KPD_ADDIN_URL「{url}」不是 https 地址：Excel 只从 HTTPS 网站加载加载项，请在内网 Web 服务器上配置 HTTPS 后写 https://…。',
    en: 'KPD_ADDIN_URL "{url}" is not https: Excel loads add-ins only from HTTPS sites; set up HTTPS on the intranet server and give https://….',
  },
  'url.extra': {
    zh: 'KPD_ADDIN_URL「{url}」带有用户名、问号参数或 # 片段：请只写 https://服务器名/路径。',
    en: 'KPD_ADDIN_URL "{url}" has a user name, a query or a fragment: give only https://server/path.',
  },
  'build.done': {
    zh: '加载项已生成到 {out}：清单 manifest.xml 中的地址都是 {url}。',
    en: 'The add-in is in {out}: every address in manifest.xml is {url}.',
  },
  'build.localhost': {
    zh: '清单指向 https://localhost:3000，只供开发（npm start）使用；部署到内网请用 KPD_ADDIN_URL=https://内网地址/路径 npm run addin:build。',
    en: 'The manifest points to https://localhost:3000, for development (npm start) only; for the intranet run KPD_ADDIN_URL=https://server/path npm run addin:build.',
  },
  'build.failed': {
    zh: '生成加载项失败（webpack 报错，见上）。',
    en: 'Building the add-in failed (webpack’s errors above).',
  },
  'package.needsBuild': {
    zh: '{out} 中还没有指向内网地址的加载项：请先运行 KPD_ADDIN_URL=https://内网地址/路径 npm run addin:build，或在本命令前加上 KPD_ADDIN_URL=…。',
    en: '{out} has no add-in built for an intranet address: run KPD_ADDIN_URL=https://server/path npm run addin:build first, or put KPD_ADDIN_URL=… before this command.',
  },
  'package.done': {
    zh: '已生成 {zip}（{size}）：交给信息中心，按其中的「部署说明.txt」部署，加载项地址 {url}。',
    en: 'Wrote {zip} ({size}): hand it to IT; 部署说明.txt inside says how to deploy it at {url}.',
  },
  'start.linux': {
    zh: '注意：在 Linux 上不能把加载项侧载到桌面版 Excel（那需要 Windows 或 Mac）；本机只能在浏览器中查看窗格页面，或在 Excel 网页版中「上传我的加载项」（浏览器须信任 {ca}）。',
    en: 'Note: on Linux the add-in cannot be sideloaded into desktop Excel (that needs Windows or a Mac); here you can only view the pane in a browser, or upload it to Excel on the web (the browser must trust {ca}).',
  },
  'start.certs': {
    zh: '开发证书：{dir}（由 office-addin-dev-certs 生成）。',
    en: 'Developer certificates: {dir} (made by office-addin-dev-certs).',
  },
  'start.ready': {
    zh: '开发服务器已启动：{url}/taskpane.html。在 Windows 或 Mac 的 Excel 中：「插入 → 我的加载项 → 上传我的加载项」选 manifest.xml（或按 README 用共享文件夹目录）；修改代码后窗格自动刷新。按 Ctrl+C 停止。',
    en: 'Dev server running: {url}/taskpane.html. In Excel on Windows or a Mac: Insert → My Add-ins → Upload My Add-in, pick manifest.xml (or use a shared-folder catalog, see README); the pane reloads when code changes. Ctrl+C stops it.',
  },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type DeployCode = keyof typeof DEPLOY_MESSAGES;
export type DeployLocale = 'zh' | 'en';

export function deployText(
  code: DeployCode,
  locale: DeployLocale = 'zh',
  params: Readonly<Record<string, string | number>> = {},
): string {
  return DEPLOY_MESSAGES[code][locale].replace(/\{(\w+)\}/gu, (m, k: string) =>
    Object.hasOwn(params, k) ? String(params[k]) : m,
  );
}

/** --lang en anywhere in the arguments. */
export const localeOf = (argv: readonly string[]): DeployLocale =>
  argv.some((a, i) => a === '--lang=en' || (a === '--lang' && argv[i + 1] === 'en')) ? 'en' : 'zh';
