/**
 * What the IE11 and old-Edge engines lack, installed before the pane's modules run (webpack puts
 * this first in the taskpane entry). core-js/stable is expanded by Babel (preset-env, targets
 * ie 11, useBuiltIns "entry") into exactly the modules IE11 needs, as Microsoft's add-in template
 * does; async functions need no runtime (Babel inlines the regenerator).
 */
import 'core-js/stable';
// String.prototype.normalize (the core matches text under NFKC: full-width digits, ＡＢＣ).
import 'unorm';
import { encodingIndexes } from '@zxing/text-encoding/esm/encoding-indexes.js';
import {
  TextDecoder as DecoderPolyfill,
  TextEncoder as EncoderPolyfill,
} from '@zxing/text-encoding/esm/encoding.js';

/** Whether this engine's TextDecoder knows GBK (e-mail attachment names, old zips) and 'fatal'. */
function decodesGbk(): boolean {
  try {
    const gbk = new TextDecoder('gbk').decode(new Uint8Array([0xd6, 0xd0])); // 中
    new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xe4, 0xb8, 0xad]));
    return gbk === '\u4e2d';
  } catch {
    return false;
  }
}

const scope = window as unknown as Record<string, unknown>;
// The polyfill looks for its tables here (legacy encodings: GBK, GB18030, Big5 …).
scope['TextEncodingIndexes'] = { encodingIndexes };
if (typeof scope['TextDecoder'] === 'undefined' || !decodesGbk()) scope['TextDecoder'] = DecoderPolyfill;
if (typeof scope['TextEncoder'] === 'undefined') scope['TextEncoder'] = EncoderPolyfill;
