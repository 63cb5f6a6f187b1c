/** Workbooks bundled into the task pane: webpack inlines them as data: URLs (asset/inline). */
declare module '*.xlsx' {
  const url: string;
  export default url;
}
