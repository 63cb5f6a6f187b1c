/** Types of what webpack.wps.config.js exports besides the configuration (for the tests). */
export declare const ADDIN_NAME: string;
export declare const ADDIN_DIR: string;
export declare function addinUrl(value?: string): string;
export declare function jspluginsXml(url: string): string;
export declare function publishXml(version: string): string;
declare const config: (env: unknown, argv: { mode?: string }) => object;
export default config;
