/** The export formats, each a pure function of `{ recording, notes, qa }` (see README.md here). */
export { type ExportInput } from './input';
export { forumPost, type ForumPost, type ForumPostOptions } from './forum';
export { markdownExport } from './markdown';
export { plainTextExport } from './text';
export { htmlExport } from './html';
export { youtubeChapters, type ChaptersResult } from './chapters';
export { webVtt } from './vtt';
export { webAnnotationCollection, type AnnotationOptions } from './annotation';
/** Not of `{ recording, notes, qa }`: a stored transcript (model.ts `Transcript`) as WebVTT. */
export { transcriptFileName, transcriptVtt } from './transcript-vtt';
export { EXPORT_FORMATS, renderExport, type ExportFormat, type RenderedExport } from './render';
