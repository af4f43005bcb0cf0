/** crxjs: a content script built self-contained for `scripting.executeScript`; the import is its file in the build. */
declare module '*?script&iife' {
  const fileName: string;
  export default fileName;
}
