/**
 * What IE11 does not have and the pane's polyfills must give it (core-js, unorm, the
 * text-encoding polyfill, FileReader instead of Blob.arrayBuffer): deleted from the page before
 * any script runs. The fake of office.js runs with them shown for a moment (it is not the code
 * under test); `__kpdShowNatives` / `__kpdHideNatives` do that.
 */
export const IE11_LACKS = `(() => {
  const saved = [];
  const hide = (owner, names) => {
    for (const n of names) {
      const d = owner && Object.getOwnPropertyDescriptor(owner, n);
      if (d && d.configurable) { saved.push([owner, n, d]); delete owner[n]; }
    }
  };
  window.__kpdShowNatives = () => { for (const [o, n, d] of saved) Object.defineProperty(o, n, d); };
  window.__kpdHideNatives = () => { for (const [o, n] of saved) delete o[n]; };
  const typed = Object.getPrototypeOf(Uint8Array.prototype);
  hide(window, ['Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'Reflect', 'TextDecoder',
    'TextEncoder', 'globalThis', 'structuredClone', 'queueMicrotask', 'fetch']);
  hide(Array, ['from', 'of']);
  hide(Array.prototype, ['find', 'findIndex', 'findLast', 'findLastIndex', 'includes', 'fill', 'flat',
    'flatMap', 'at', 'entries', 'keys', 'values', 'copyWithin', 'toSorted', 'toReversed', 'with']);
  hide(Object, ['assign', 'entries', 'values', 'fromEntries', 'hasOwn', 'getOwnPropertySymbols', 'is']);
  hide(Number, ['isFinite', 'isInteger', 'isNaN', 'isSafeInteger', 'parseFloat', 'parseInt',
    'EPSILON', 'MAX_SAFE_INTEGER', 'MIN_SAFE_INTEGER']);
  hide(Math, ['trunc', 'sign', 'log10', 'log2', 'cbrt', 'hypot', 'fround', 'imul', 'clz32', 'expm1', 'log1p']);
  hide(String, ['fromCodePoint', 'raw']);
  hide(String.prototype, ['includes', 'startsWith', 'endsWith', 'padStart', 'padEnd', 'repeat', 'at',
    'replaceAll', 'codePointAt', 'normalize', 'trimStart', 'trimEnd', 'matchAll']);
  hide(typed, ['slice', 'fill', 'indexOf', 'lastIndexOf', 'includes', 'find', 'findIndex', 'forEach',
    'map', 'filter', 'reduce', 'reduceRight', 'join', 'every', 'some', 'sort', 'reverse', 'at',
    'entries', 'keys', 'values', 'copyWithin', 'toSorted', 'toReversed', 'with']);
  hide(Object.getPrototypeOf(Uint8Array), ['from', 'of']);
  hide(Blob.prototype, ['arrayBuffer', 'text', 'stream']);
  hide(File.prototype, ['lastModified']);
  hide(Element.prototype, ['replaceChildren', 'append', 'prepend', 'before', 'after', 'replaceWith',
    'toggleAttribute']);
  hide(NodeList.prototype, ['forEach']);
})();`;
