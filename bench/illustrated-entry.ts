/**
 * What the export-illustrated measurement runs in an extension page (bundled by core-bundle.ts):
 * the same functions the Summary tab's two downloads call.
 */
export { handoutHtml } from '../src/core/export/handout';
export { markdownZip } from '../src/core/export/markdown-zip';
export { exportImages } from '../src/pages/shared/export-images';
